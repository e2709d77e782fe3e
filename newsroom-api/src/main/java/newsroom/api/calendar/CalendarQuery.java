package newsroom.api.calendar;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import newsroom.story.Audience;

/**
 * The query parameters of a calendar read: the range [from, to) and optional filters; {@code source}
 * shows one story together with the stories derived from it (clips of a livestream, say); {@code asOf}
 * shows the placements as they stood at that instant.
 */
record CalendarQuery(@NotNull Instant from, @NotNull Instant to, Set<String> channel, String desk, String campaign,
                     Set<CalendarStatus> status, Audience audience, String source,
                     Instant asOf) {

    CalendarFilter filter() {
        return new CalendarFilter(channel, desk, campaign, status, audience, source);
    }
}
