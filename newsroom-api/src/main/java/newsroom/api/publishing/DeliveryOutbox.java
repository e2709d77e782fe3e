package newsroom.api.publishing;

import java.time.Clock;

import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRedeliveryRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Turns publications into deliveries: a placement published on a channel with a connector gets one delivery
 * (what was published stored with it, its idempotency key derived from the placement), and an editor's redelivery
 * starts a new round of it. Idempotent (a delivery exists once, a redelivery is applied once by its version)
 * and never replayed: rebuilding read models must not send anything to anybody again.
 */
@Component
@ProcessingGroup(DeliveryOutbox.PROCESSING_GROUP)
@DisallowReplay
class DeliveryOutbox {

    static final String PROCESSING_GROUP = "delivery-outbox";

    private final Deliveries deliveries;
    private final ChannelConnectors connectors;
    private final Clock clock;

    DeliveryOutbox(Deliveries deliveries, ChannelConnectors connectors, Clock clock) {
        this.deliveries = deliveries;
        this.connectors = connectors;
        this.clock = clock;
    }

    @EventHandler
    void on(PlacementPublishedEvent event, DomainEventMessage<?> message) {
        if (!connectors.of(event.channelId()).delivers()) {
            return; // nothing to deliver to; a connector set later delivers redeliveries only
        }
        createIfMissing(event, message.getSequenceNumber());
    }

    @EventHandler
    void on(PlacementRedeliveryRequestedEvent event, DomainEventMessage<?> message) {
        String deliveryId = Deliveries.idFor(event.storyId(), event.placementId());
        if (deliveries.find(deliveryId).isEmpty()) {
            return; // nothing was ever delivered (no connector then); a failed delivery always has a document
        }
        deliveries.restart(deliveryId, message.getSequenceNumber(), clock.instant());
    }

    private void createIfMissing(PlacementPublishedEvent event, long version) {
        String deliveryId = Deliveries.idFor(event.storyId(), event.placementId());
        if (deliveries.find(deliveryId).isPresent()) {
            return;
        }
        // the body is written by the first attempt, from the stories read model at this version or later: this
        // processor only records what must be sent, and never waits for another read model
        deliveries.create(new Deliveries.Delivery(deliveryId, event.storyId(), event.placementId(), event.channelId(),
                Deliveries.Status.PENDING, 0, 0, clock.instant(), null, null, event.publishedAt(), null, version,
                Deliveries.Published.of(event)));
    }
}
