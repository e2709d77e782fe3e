package newsroom.api.publishing;

import java.util.Optional;

import newsroom.api.story.StoryView;
import newsroom.api.story.StoryViewUpdater;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.StoryEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What a delivery sends, built from the story's own events up to a given version — the story as it was published —
 * rather than from the stories read model: nothing waits for a projection to catch up, and the same version always
 * gives the same bytes, so a delivery whose document was lost in a crash and made again sends what it sent before.
 */
@Component
class PublishedStories {

    private final EventStore events;

    PublishedStories(EventStore events) {
        this.events = events;
    }

    /** The payload for the placement's publication, from the story up to {@code version}; empty if not published by then. */
    Optional<String> body(String deliveryId, String storyId, String placementId, long version) {
        StoryView story = null;
        PlacementPublishedEvent published = null;
        DomainEventStream stream = events.readEvents(storyId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > version) {
                break;
            }
            if (message.getPayload() instanceof StoryEvent event) {
                story = StoryViewUpdater.apply(story, event, message.getSequenceNumber(), message.getTimestamp());
                if (event instanceof PlacementPublishedEvent publication && publication.placementId().equals(placementId)) {
                    published = publication;
                }
            }
        }
        if (story == null || published == null) {
            return Optional.empty();
        }
        return Optional.of(DeliveryPayload.of(deliveryId, published, story).toJson());
    }
}
