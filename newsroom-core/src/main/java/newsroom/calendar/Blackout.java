package newsroom.calendar;

import java.time.Instant;
import java.util.Set;

/** A quiet period in force: {@code channelIds} empty means all channels; the end is exclusive. */
public record Blackout(String blackoutId, String name, Set<String> channelIds, Instant startsAt, Instant endsAt) {

    public Blackout {
        channelIds = Set.copyOf(channelIds);
    }

    public boolean covers(String channelId, Instant slot) {
        boolean channelCovered = channelIds.isEmpty() || channelIds.contains(channelId);
        return channelCovered && !slot.isBefore(startsAt) && slot.isBefore(endsAt);
    }
}
