package newsroom.api.campaign;

import java.util.List;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import newsroom.campaign.CampaignDefinedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code campaigns} read model; each event carries the whole definition, so it is idempotent. */
@Component
@ProcessingGroup(CampaignProjection.PROCESSING_GROUP)
class CampaignProjection {

    static final String PROCESSING_GROUP = "campaigns";

    private final CampaignRepository campaigns;
    private final ReadModelProgress progress;

    CampaignProjection(CampaignRepository campaigns, ReadModelProgress progress) {
        this.campaigns = campaigns;
        this.progress = progress;
    }

    @EventHandler
    void on(CampaignDefinedEvent event, DomainEventMessage<?> message) {
        campaigns.save(new CampaignView(event.campaignId(), event.name(), event.goal(), event.kpi(), event.startsOn(),
                event.endsOn(), event.definedBy()), message.getSequenceNumber());
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @ResetHandler
    void reset() {
        campaigns.deleteAll();
    }
}
