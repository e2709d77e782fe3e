package newsroom.campaign;

import java.time.LocalDate;

/** A campaign was defined or its definition changed; the event holds the whole definition. */
public record CampaignDefinedEvent(String campaignId, String name, String goal, String kpi, LocalDate startsOn,
                                   LocalDate endsOn, String definedBy) {
}
