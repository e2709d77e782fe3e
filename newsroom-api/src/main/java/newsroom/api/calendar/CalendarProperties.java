package newsroom.api.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import newsroom.calendar.CollisionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The calendar's settings.
 *
 * @param timeZone              where the newsroom's days start and end (day buckets, busy days)
 * @param minimumGap            least time between two placements on one channel
 * @param minimumGapByChannel   per-channel overrides, by channel id
 * @param maxHighPriorityPerDay more high-priority placements than this on one day collide
 * @param cachedEntries         how many calendar entries a server keeps in memory for reads (about
 *                              1 KB each); a 62-day range on a busy calendar is a few thousand
 */
@ConfigurationProperties(prefix = "newsroom.calendar")
public record CalendarProperties(ZoneId timeZone, Duration minimumGap, Map<String, Duration> minimumGapByChannel,
                                 Integer maxHighPriorityPerDay, Integer cachedEntries) {

    public CalendarProperties {
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        minimumGap = minimumGap == null ? Duration.ofHours(1) : minimumGap;
        minimumGapByChannel = minimumGapByChannel == null ? Map.of() : Map.copyOf(minimumGapByChannel);
        maxHighPriorityPerDay = maxHighPriorityPerDay == null ? 2 : maxHighPriorityPerDay;
        cachedEntries = cachedEntries == null ? 20_000 : cachedEntries;
    }

    public CollisionPolicy collisionPolicy() {
        return new CollisionPolicy(minimumGapByChannel, minimumGap, maxHighPriorityPerDay, timeZone);
    }
}
