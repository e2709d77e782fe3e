package newsroom.api.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.api.projection.ProjectionBatch;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRedeliveryRequestedEvent;
import newsroom.story.StoryEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Turns publications into deliveries: a placement published on a channel with a connector gets one delivery (its
 * body built from the story as published and stored with it, its idempotency key derived from the placement), and an
 * editor's redelivery starts a new round of it. Idempotent (a delivery exists once, a redelivery is applied once by
 * its version) and never replayed: rebuilding read models must not send anything to anybody again.
 * <p>
 * It works per batch of events, like the projections: the deliveries of a batch are written together at its last
 * event (before the processor stores its token), so an outbox that fell behind catches up with two writes per batch
 * instead of two per publication. It takes every story event for that reason — the last one of a batch may be any.
 * The dispatcher on this server is then told at once, so a delivery does not wait for its next poll.
 */
@Component
@ProcessingGroup(DeliveryOutbox.PROCESSING_GROUP)
@DisallowReplay
class DeliveryOutbox {

    static final String PROCESSING_GROUP = "delivery-outbox";

    private final Deliveries deliveries;
    private final PublishedStories stories;
    private final ChannelConnectors connectors;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    DeliveryOutbox(Deliveries deliveries, PublishedStories stories, ChannelConnectors connectors,
                   DeliveryDispatcher dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.stories = stories;
        this.connectors = connectors;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** What a batch asks for: publications to deliver, then redeliveries (a redelivery follows its publication). */
    private static final class Batch {
        private final Map<String, Publication> published = new LinkedHashMap<>();
        private final List<Redelivery> redeliveries = new ArrayList<>();
        private final Map<String, Boolean> delivers = new HashMap<>();
    }

    private record Publication(PlacementPublishedEvent event, long version) {
    }

    private record Redelivery(String deliveryId, long version) {
    }

    @EventHandler
    void on(StoryEvent event, DomainEventMessage<?> message) {
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        if (event instanceof PlacementPublishedEvent published
                // nothing to deliver to without a connector; one set later delivers redeliveries only
                && batch.delivers.computeIfAbsent(published.channelId(), channel -> connectors.of(channel).delivers())) {
            batch.published.put(Deliveries.idFor(published.storyId(), published.placementId()),
                    new Publication(published, message.getSequenceNumber()));
        } else if (event instanceof PlacementRedeliveryRequestedEvent redelivery) {
            batch.redeliveries.add(new Redelivery(Deliveries.idFor(redelivery.storyId(), redelivery.placementId()),
                    message.getSequenceNumber()));
        }
        if (ProjectionBatch.atLastEvent() && (!batch.published.isEmpty() || !batch.redeliveries.isEmpty())) {
            write(batch);
            dispatcher.wake();
        }
    }

    private void write(Batch batch) {
        Map<String, Deliveries.Delivery> existing = deliveries.findAll(batch.published.keySet());
        List<Deliveries.Delivery> created = new ArrayList<>();
        batch.published.forEach((deliveryId, publication) -> {
            if (!existing.containsKey(deliveryId)) {
                created.add(delivery(deliveryId, publication.event(), publication.version()));
            }
        });
        deliveries.createAll(created);
        deliveries.requeueUnlessFinished(existing.values()); // handled before; a crash may have lost the queue entry
        for (Redelivery redelivery : batch.redeliveries) {
            // nothing was ever delivered without a document (no connector then); a failed delivery always has one
            if (deliveries.find(redelivery.deliveryId()).isPresent()) {
                deliveries.restart(redelivery.deliveryId(), redelivery.version(), clock.instant());
            }
        }
    }

    private Deliveries.Delivery delivery(String deliveryId, PlacementPublishedEvent event, long version) {
        String body = stories.body(deliveryId, event.storyId(), event.placementId(), version).orElseThrow(() ->
                new IllegalStateException("story " + event.storyId() + " has no publication of " + event.placementId()
                        + " up to version " + version));
        return new Deliveries.Delivery(deliveryId, event.storyId(), event.placementId(), event.channelId(),
                Deliveries.Status.PENDING, 0, 0, clock.instant(), null, body, event.publishedAt(), null, version);
    }
}
