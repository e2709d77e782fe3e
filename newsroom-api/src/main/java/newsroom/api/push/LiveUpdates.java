package newsroom.api.push;

import java.util.Set;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.story.StoryAnswer;
import newsroom.api.story.StoryView;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.PlacementEvent;
import newsroom.story.QuietPeriodOverriddenEvent;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryEvent;
import newsroom.story.StoryKilledEvent;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;

/** Turns a story event into the {@link LiveUpdate} clients get, and says which topics it goes to. */
final class LiveUpdates {

    /** The events that move a story into, through or out of review: the approvers' topic gets them. */
    private static final Set<Class<? extends StoryEvent>> REVIEW_EVENTS = Set.of(StorySubmittedEvent.class,
            ApprovalGrantedEvent.class, StoryApprovedEvent.class, ChangesRequestedEvent.class,
            ApprovalWithdrawnEvent.class, StoryKilledEvent.class);

    private LiveUpdates() {
    }

    /** The update for a story event, with the story as the read model shows it (at the event or later). */
    static LiveUpdate of(DomainEventMessage<?> event, StoryEvent payload, long position, StoryView story) {
        return new LiveUpdate(position, event.getPayloadType().getSimpleName().replaceFirst("Event$", ""),
                payload.storyId(), placementOf(payload),
                event.getTimestamp(), (String) event.getMetaData().get(MessageMetadata.USERNAME),
                StoryAnswer.forEveryone(story));
    }

    private static String placementOf(StoryEvent payload) {
        if (payload instanceof PlacementEvent placement) {
            return placement.placementId();
        }
        return payload instanceof QuietPeriodOverriddenEvent overridden ? overridden.placementId() : null;
    }

    static boolean concernsReview(StoryEvent payload) {
        return REVIEW_EVENTS.contains(payload.getClass());
    }

    static boolean concernsCalendar(LiveUpdate update) {
        return update.story() != null && !update.story().placements().isEmpty();
    }
}
