package newsroom.api.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.validation.constraints.Min;
import newsroom.api.calendar.CalendarQueries;
import newsroom.api.projection.ProjectionPositions;
import newsroom.api.security.Permissions;
import newsroom.api.story.StoryReadModel;
import newsroom.api.story.StoryView;
import newsroom.people.Action;
import newsroom.story.StoryEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything a dashboard missed: the live updates after a position, read from the event store itself,
 * up to the position the read models have reached (later ones arrive as pushes).
 */
@RestController
@Validated
class CatchUpController {

    static final int MAX_UPDATES = 500;

    private final EventStorageEngine events;
    private final ProjectionPositions positions;
    private final StoryReadModel stories;
    private final Permissions permissions;

    CatchUpController(EventStorageEngine events, ProjectionPositions positions, StoryReadModel stories,
                      Permissions permissions) {
        this.stories = stories;
        this.events = events;
        this.positions = positions;
        this.permissions = permissions;
    }

    record CatchUp(long position, List<LiveUpdate> updates) {
    }

    @GetMapping("/api/live/updates")
    CatchUp after(@RequestParam @Min(-1) long after) {
        permissions.require(Action.READ);
        long readModelsAt = Math.min(positions.position(StoryReadModel.NAME), positions.position(CalendarQueries.NAME));
        List<LiveUpdate> found = new ArrayList<>();
        Map<String, StoryView> current = new HashMap<>();
        long position = after;
        if (readModelsAt > after) {
            try (Stream<? extends TrackedEventMessage<?>> stream =
                         events.readEvents(after < 0 ? null : new GlobalSequenceTrackingToken(after), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    long eventPosition = event.trackingToken().position().orElse(-1);
                    // stop only between commits, so the events of one position are never split
                    boolean full = found.size() >= MAX_UPDATES && eventPosition != position;
                    if (eventPosition > readModelsAt || full) {
                        break;
                    }
                    position = eventPosition;
                    if (event instanceof DomainEventMessage<?> domainEvent
                            && domainEvent.getPayload() instanceof StoryEvent storyEvent) {
                        StoryView story = current.computeIfAbsent(storyEvent.storyId(),
                                id -> stories.find(id).orElse(null));
                        found.add(LiveUpdates.of(domainEvent, storyEvent, eventPosition, story));
                    }
                }
            }
        }
        return new CatchUp(position, found);
    }
}
