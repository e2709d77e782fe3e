package newsroom.api.publishing;

import java.util.ArrayList;
import java.util.List;

import newsroom.story.PlacementCancelledEvent;
import newsroom.story.PlacementDeliveredEvent;
import newsroom.story.PlacementDeliveryFailedEvent;
import newsroom.story.PlacementDeliveryRetryingEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.PlacementPublicationHeldEvent;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRedeliveryRequestedEvent;
import newsroom.story.PlacementRescheduledEvent;
import newsroom.story.StoryCommentedEvent;
import newsroom.story.StoryEvent;
import newsroom.story.StoryKilledEvent;
import newsroom.story.StoryPitchedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link PublicationSchedule} from the story events, idempotently (each story document remembers the
 * version it applied) and rebuildably. A hold lasts until something could change the answer: a new slot always
 * lifts it; any other change to the story (an approval, an edit, the end of a pause) lifts a hold a rule gave,
 * so the clock asks the aggregate again — but not a missed-slot hold, which waits for an editor.
 */
@Component
@ProcessingGroup(PublicationScheduleProjection.PROCESSING_GROUP)
class PublicationScheduleProjection {

    static final String PROCESSING_GROUP = "publication-schedule";
    static final String MISSED_SLOT_HELD = "MissedSlotHeld";

    private final PublicationSchedule schedule;

    PublicationScheduleProjection(PublicationSchedule schedule) {
        this.schedule = schedule;
    }

    @EventHandler
    void on(StoryEvent event, DomainEventMessage<?> message) {
        if (event instanceof StoryPitchedEvent || event instanceof StoryCommentedEvent
                || event instanceof PlacementDeliveryRetryingEvent || event instanceof PlacementDeliveredEvent
                || event instanceof PlacementDeliveryFailedEvent || event instanceof PlacementRedeliveryRequestedEvent) {
            return; // nothing about when or whether a placement goes out
        }
        PublicationSchedule.StorySchedule before = schedule.find(event.storyId());
        long version = message.getSequenceNumber();
        if (before != null && version <= before.version()) {
            return; // applied already
        }
        List<PublicationSchedule.Entry> entries = new ArrayList<>(before == null ? List.of() : before.entries());
        if (event instanceof PlacementPlannedEvent planned) {
            entries.add(new PublicationSchedule.Entry(planned.storyId(), planned.placementId(), planned.channelId(),
                    planned.slot(), null));
        } else if (event instanceof PlacementRescheduledEvent moved) {
            entries.replaceAll(entry -> entry.placementId().equals(moved.placementId())
                    ? new PublicationSchedule.Entry(entry.storyId(), entry.placementId(), entry.channelId(), moved.slot(), null)
                    : entry);
        } else if (event instanceof PlacementPublishedEvent published) {
            entries.removeIf(entry -> entry.placementId().equals(published.placementId()));
        } else if (event instanceof PlacementCancelledEvent cancelled) {
            entries.removeIf(entry -> entry.placementId().equals(cancelled.placementId()));
        } else if (event instanceof StoryKilledEvent) {
            entries.clear();
        } else if (event instanceof PlacementPublicationHeldEvent held) {
            entries.replaceAll(entry -> entry.placementId().equals(held.placementId())
                    ? new PublicationSchedule.Entry(entry.storyId(), entry.placementId(), entry.channelId(), entry.slot(),
                    held.rule())
                    : entry);
        } else {
            entries.replaceAll(entry -> entry.heldFor() == null || MISSED_SLOT_HELD.equals(entry.heldFor()) ? entry
                    : new PublicationSchedule.Entry(entry.storyId(), entry.placementId(), entry.channelId(), entry.slot(),
                    null));
        }
        if (before == null && entries.isEmpty()) {
            return;
        }
        schedule.save(before, new PublicationSchedule.StorySchedule(event.storyId(), version, entries));
    }

    @ResetHandler
    void reset() {
        schedule.deleteAll();
    }
}
