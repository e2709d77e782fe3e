package newsroom.api.calendar;

import java.time.Instant;
import java.util.List;

import newsroom.calendar.Collision;
import newsroom.story.Audience;
import newsroom.story.Priority;

/**
 * One placement on the calendar, with what the calendar shows about its story. Collisions are worked
 * out when the calendar is read (they depend on neighbours and quiet periods), so they are not stored.
 *
 * @param pausedByCrisis       the crisis that paused it, while it waits for a decision; else null
 * @param quietPeriodOverrides the quiet periods a governance lead let it go out in, with who and why
 */
public record CalendarEntry(String entryId, String storyId, String placementId, String channelId,
                            String channelName, String channelKind, Instant slot, CalendarStatus status,
                            String title, String desk, String campaign, Audience audience, Priority priority,
                            String owner, ApprovalState approvalState, String sourceStoryId,
                            List<Collision> collisions, String pausedByCrisis,
                            List<QuietPeriodOverride> quietPeriodOverrides) {

    public CalendarEntry {
        quietPeriodOverrides = quietPeriodOverrides == null ? List.of() : List.copyOf(quietPeriodOverrides);
    }

    /** An entry nobody paused or let into a quiet period. */
    public CalendarEntry(String entryId, String storyId, String placementId, String channelId, String channelName,
                         String channelKind, Instant slot, CalendarStatus status, String title, String desk,
                         String campaign, Audience audience, Priority priority, String owner,
                         ApprovalState approvalState, String sourceStoryId, List<Collision> collisions) {
        this(entryId, storyId, placementId, channelId, channelName, channelKind, slot, status, title, desk, campaign,
                audience, priority, owner, approvalState, sourceStoryId, collisions, null, List.of());
    }

    /** A quiet period a governance lead overrode for this placement. */
    public record QuietPeriodOverride(String blackoutId, String blackoutName, String reason, String overriddenBy) {
    }

    public boolean overrides(String blackoutId) {
        return quietPeriodOverrides.stream().anyMatch(override -> override.blackoutId().equals(blackoutId));
    }

    public static String idOf(String storyId, String placementId) {
        return storyId + ":" + placementId;
    }

    public boolean active() {
        return status != CalendarStatus.CANCELLED;
    }

    CalendarEntry with(CalendarStatus newStatus, List<Collision> newCollisions) {
        return new CalendarEntry(entryId, storyId, placementId, channelId, channelName, channelKind, slot, newStatus,
                title, desk, campaign, audience, priority, owner, approvalState, sourceStoryId, newCollisions,
                pausedByCrisis, quietPeriodOverrides);
    }
}
