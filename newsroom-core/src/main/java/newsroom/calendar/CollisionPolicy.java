package newsroom.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * What counts as a collision on the calendar. Data, so a newsroom can configure it.
 *
 * @param minimumGapByChannel    the least time between two placements on one channel, by channel id
 * @param defaultMinimumGap      the gap for channels not listed
 * @param maxHighPriorityPerDay  more high-priority placements than this on one day collide
 * @param zone                   the newsroom's time zone: where a day starts and ends
 */
public record CollisionPolicy(Map<String, Duration> minimumGapByChannel, Duration defaultMinimumGap,
                              int maxHighPriorityPerDay, ZoneId zone) {

    public CollisionPolicy {
        minimumGapByChannel = Map.copyOf(minimumGapByChannel);
    }

    public Duration minimumGap(String channelId) {
        return minimumGapByChannel.getOrDefault(channelId, defaultMinimumGap);
    }
}
