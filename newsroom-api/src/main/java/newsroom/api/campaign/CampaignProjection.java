package newsroom.api.campaign;

import newsroom.campaign.CampaignDefinedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code campaigns} read model; each event carries the whole definition, so it is idempotent. */
@Component
@ProcessingGroup("campaigns")
class CampaignProjection {

    private final CampaignRepository campaigns;

    CampaignProjection(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @EventHandler
    void on(CampaignDefinedEvent event) {
        campaigns.save(new CampaignView(event.campaignId(), event.name(), event.goal(), event.kpi(), event.startsOn(),
                event.endsOn(), event.definedBy()));
    }

    @ResetHandler
    void reset() {
        campaigns.deleteAll();
    }
}
