package newsroom.api.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ProjectionBatch;
import newsroom.api.projection.ReadModelProgress;
import newsroom.story.StoryEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code stories} read model. Idempotent: an event whose sequence number the document has
 * already seen changes nothing, so a replay or a redelivered batch is harmless. Works per batch: each
 * story is read once and written once per batch, then the batch is announced to waiting callers.
 */
@Component
@ProcessingGroup(StoryProjection.PROCESSING_GROUP)
class StoryProjection {

    static final String PROCESSING_GROUP = "stories";

    private final StoryRepository stories;
    private final ReadModelProgress progress;

    StoryProjection(StoryRepository stories, ReadModelProgress progress) {
        this.stories = stories;
        this.progress = progress;
    }

    @EventHandler
    void on(StoryEvent event, DomainEventMessage<?> message) {
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        StoryView current = batch.views.containsKey(event.storyId()) ? batch.views.get(event.storyId())
                : stories.find(event.storyId()).orElse(null);
        long before = current == null ? -1 : current.version;
        StoryView after = StoryViewUpdater.apply(current, event, message.getSequenceNumber(), message.getTimestamp());
        batch.views.put(event.storyId(), after);
        if (after != null && after.version != before) {
            batch.changed.put(after.storyId, after);
        }
        batch.applied.add(AppliedEvent.of(PROCESSING_GROUP, message));
        if (ProjectionBatch.atLastEvent()) {
            batch.changed.values().forEach(stories::save);
            progress.announce(batch.applied);
        }
    }

    @ResetHandler
    void reset() {
        stories.deleteAll();
    }

    private static final class Batch {
        private final Map<String, StoryView> views = new HashMap<>();
        private final Map<String, StoryView> changed = new LinkedHashMap<>();
        private final List<AppliedEvent> applied = new ArrayList<>();
    }
}
