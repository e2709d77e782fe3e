package newsroom.api.campaign;

import java.time.LocalDate;

/** A campaign as the API shows it. */
public record CampaignView(String campaignId, String name, String goal, String kpi, LocalDate startsOn,
                           LocalDate endsOn, String definedBy) {
}
