package newsroom.calendar;

import java.time.Instant;

/** One placement as the collision rules see it. Cancelled placements are not passed in. */
public record ScheduledItem(String entryId, String channelId, String channelName, Instant slot, boolean highPriority) {
}
