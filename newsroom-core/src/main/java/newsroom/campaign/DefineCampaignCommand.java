package newsroom.campaign;

import java.time.LocalDate;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a campaign, or redefines it when it exists: a business goal, how it is measured, its period. */
public record DefineCampaignCommand(@TargetAggregateIdentifier String campaignId, String name, String goal, String kpi,
                                    LocalDate startsOn, LocalDate endsOn, Actor definedBy) {
}
