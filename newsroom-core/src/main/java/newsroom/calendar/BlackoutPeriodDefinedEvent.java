package newsroom.calendar;

import java.time.Instant;
import java.util.Set;

/** A quiet period was defined; {@code channelIds} empty means every channel. */
public record BlackoutPeriodDefinedEvent(String blackoutId, String name, Set<String> channelIds, Instant startsAt,
                                         Instant endsAt, String reason, String definedBy) {
}
