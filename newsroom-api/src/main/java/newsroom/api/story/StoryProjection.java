package newsroom.api.story;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code stories} read model. Idempotent: an event whose sequence number the document has
 * already seen changes nothing, so a replay or a redelivered batch is harmless.
 */
@Component
@ProcessingGroup(StoryProjection.PROCESSING_GROUP)
class StoryProjection {

    static final String PROCESSING_GROUP = "stories";

    private final StoryRepository stories;

    StoryProjection(StoryRepository stories) {
        this.stories = stories;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!"Story".equals(message.getType())) {
            return;
        }
        StoryView current = stories.find(message.getAggregateIdentifier()).orElse(null);
        long before = current == null ? -1 : current.version;
        StoryView after = StoryViewUpdater.apply(current, event, message.getSequenceNumber(), message.getTimestamp());
        if (after != null && after.version != before) {
            stories.save(after);
        }
    }

    @ResetHandler
    void reset() {
        stories.deleteAll();
    }
}
