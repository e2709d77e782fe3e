package newsroom.api.feed;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import newsroom.channel.ChannelKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The iCalendar feed's settings.
 *
 * @param durations how long an event of a channel kind lasts in calendar apps. A placement is a moment (a post
 *                  goes out, a release is sent), so every kind not listed is a point in time; a livestream or
 *                  video and an event take time. Defaults: {@code VIDEO} one hour, {@code EVENT} two hours;
 *                  configured kinds replace their default.
 */
@ConfigurationProperties(prefix = "newsroom.calendar-feed")
public record FeedProperties(Map<ChannelKind, Duration> durations) {

    static final Map<ChannelKind, Duration> DEFAULT_DURATIONS = Map.of(
            ChannelKind.VIDEO, Duration.ofHours(1),
            ChannelKind.EVENT, Duration.ofHours(2));

    public FeedProperties {
        Map<ChannelKind, Duration> merged = new EnumMap<>(DEFAULT_DURATIONS);
        if (durations != null) {
            merged.putAll(durations);
        }
        durations = Map.copyOf(merged);
    }

    /** The length of an event on a channel of this kind; zero (a point in time) for unknown kinds. */
    Duration durationOf(String channelKind) {
        if (channelKind == null) {
            return Duration.ZERO;
        }
        try {
            return durations.getOrDefault(ChannelKind.valueOf(channelKind), Duration.ZERO);
        } catch (IllegalArgumentException unknownKind) {
            return Duration.ZERO;
        }
    }
}
