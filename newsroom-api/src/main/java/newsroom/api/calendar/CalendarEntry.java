package newsroom.api.calendar;

import java.time.Instant;
import java.util.List;

import newsroom.calendar.Collision;
import newsroom.story.Audience;
import newsroom.story.Priority;

/**
 * One placement on the calendar, with what the calendar shows about its story. Collisions are worked
 * out when the calendar is read (they depend on neighbours and quiet periods), so they are not stored.
 */
public record CalendarEntry(String entryId, String storyId, String placementId, String channelId,
                            String channelName, String channelKind, Instant slot, CalendarStatus status,
                            String title, String desk, String campaign, Audience audience, Priority priority,
                            String owner, ApprovalState approvalState, String sourceStoryId,
                            List<Collision> collisions) {

    public static String idOf(String storyId, String placementId) {
        return storyId + ":" + placementId;
    }

    public boolean active() {
        return status != CalendarStatus.CANCELLED;
    }

    CalendarEntry with(CalendarStatus newStatus, List<Collision> newCollisions) {
        return new CalendarEntry(entryId, storyId, placementId, channelId, channelName, channelKind, slot, newStatus,
                title, desk, campaign, audience, priority, owner, approvalState, sourceStoryId, newCollisions);
    }
}
