package newsroom.api.push;

import java.lang.reflect.RecordComponent;
import java.util.Set;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.calendar.CalendarQueries;
import newsroom.api.story.StoryAnswer;
import newsroom.api.story.StoryReadModel;
import newsroom.api.story.StoryView;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryKilledEvent;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/** Turns a story event into the {@link LiveUpdate} clients get, and says which topics it goes to. */
@Component
public class LiveUpdates {

    private static final Set<Class<?>> REVIEW_EVENTS = Set.of(StorySubmittedEvent.class, ApprovalGrantedEvent.class,
            StoryApprovedEvent.class, ChangesRequestedEvent.class, ApprovalWithdrawnEvent.class, StoryKilledEvent.class);

    private final StoryReadModel stories;
    private final CalendarQueries calendar;

    LiveUpdates(StoryReadModel stories, CalendarQueries calendar) {
        this.stories = stories;
        this.calendar = calendar;
    }

    /** The update for a story event, once the read models show it; null for other events. */
    LiveUpdate of(DomainEventMessage<?> event, long position) {
        if (!"Story".equals(event.getType())) {
            return null;
        }
        String storyId = event.getAggregateIdentifier();
        StoryView story = stories.awaitVersion(storyId, event.getSequenceNumber());
        calendar.awaitStoryVersion(storyId, event.getSequenceNumber());
        return of(event, position, story);
    }

    /** The update for a story event with the story as it is now (the read models are known to show it). */
    LiveUpdate of(DomainEventMessage<?> event, long position, StoryView story) {
        return new LiveUpdate(position, event.getPayloadType().getSimpleName().replaceFirst("Event$", ""),
                event.getAggregateIdentifier(), placementIdOf(event.getPayload()), event.getTimestamp(),
                (String) event.getMetaData().get(MessageMetadata.USERNAME), StoryAnswer.forEveryone(story));
    }

    static boolean concernsReview(Object payload) {
        return REVIEW_EVENTS.contains(payload.getClass());
    }

    static boolean concernsCalendar(LiveUpdate update) {
        return update.story() != null && !update.story().placements().isEmpty();
    }

    private static String placementIdOf(Object payload) {
        if (payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("placementId")) {
                    try {
                        return (String) component.getAccessor().invoke(payload);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
