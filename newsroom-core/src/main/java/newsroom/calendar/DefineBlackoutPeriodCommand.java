package newsroom.calendar;

import java.time.Instant;
import java.util.Set;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A quiet period: nothing goes out on the given channels (all channels when empty) between
 * {@code startsAt} (inclusive) and {@code endsAt} (exclusive).
 */
public record DefineBlackoutPeriodCommand(@TargetAggregateIdentifier String blackoutId, String name,
                                          Set<String> channelIds, Instant startsAt, Instant endsAt, String reason,
                                          Actor definedBy) {
}
