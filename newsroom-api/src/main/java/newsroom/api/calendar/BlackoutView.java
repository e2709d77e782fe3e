package newsroom.api.calendar;

import java.time.Instant;
import java.util.Set;

import newsroom.calendar.Blackout;

/** A quiet period as the calendar shows it. */
public record BlackoutView(String blackoutId, String name, Set<String> channelIds, Instant startsAt,
                           Instant endsAt, String reason, String definedBy, boolean lifted) {

    Blackout toBlackout() {
        return new Blackout(blackoutId, name, channelIds, startsAt, endsAt);
    }
}
