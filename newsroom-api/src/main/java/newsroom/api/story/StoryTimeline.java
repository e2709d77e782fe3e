package newsroom.api.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import newsroom.story.StoryEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A story as it was at any point of its history, replayed from the event store with the same fold the
 * read models use ({@link StoryViewUpdater}): the answer comes from the record, not from a read model.
 */
@Component
public class StoryTimeline {

    private final EventStore events;

    StoryTimeline(EventStore events) {
        this.events = events;
    }

    /** The story's events in order; empty if the id is not a story's. */
    public List<DomainEventMessage<?>> events(String storyId) {
        List<DomainEventMessage<?>> found = new ArrayList<>();
        DomainEventStream stream = events.readEvents(storyId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!(event.getPayload() instanceof StoryEvent)) {
                return List.of();
            }
            found.add(event);
        }
        return found;
    }

    /** The story as it stood at this instant (its events up to and including it); empty if it did not exist yet. */
    public Optional<StoryView> asOf(String storyId, Instant instant) {
        return fold(events(storyId), event -> !event.getTimestamp().isAfter(instant));
    }

    /** Folds the leading events that satisfy {@code upTo} (stopping at the first that does not). */
    public static Optional<StoryView> fold(List<DomainEventMessage<?>> events, Predicate<DomainEventMessage<?>> upTo) {
        StoryView view = null;
        for (DomainEventMessage<?> event : events) {
            if (!upTo.test(event)) {
                break;
            }
            view = StoryViewUpdater.apply(view, (StoryEvent) event.getPayload(), event.getSequenceNumber(),
                    event.getTimestamp());
        }
        return Optional.ofNullable(view);
    }
}
