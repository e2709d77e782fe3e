package newsroom.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import newsroom.api.projection.ReadYourWrites;
import newsroom.api.story.PlacementWarnings;
import newsroom.calendar.Blackout;
import newsroom.calendar.Collision;
import newsroom.calendar.CollisionDetector;
import newsroom.calendar.CollisionKind;
import newsroom.calendar.ScheduledItem;
import newsroom.story.Priority;
import org.springframework.stereotype.Component;

/**
 * Reads the calendar for a time range: the entries from the day buckets, the quiet periods, and the
 * collisions among them. Collisions are judged with a day of context on each side, so a placement just
 * outside the range still counts as a neighbour.
 */
@Component
public class CalendarQueries implements PlacementWarnings {

    private static final Duration CONTEXT = Duration.ofDays(1);
    private static final Duration WARNINGS_TIMEOUT = Duration.ofSeconds(5);

    private final CalendarRepository calendar;
    private final BlackoutRepository blackouts;
    private final CalendarProperties properties;
    private final CollisionDetector detector;

    CalendarQueries(CalendarRepository calendar, BlackoutRepository blackouts, CalendarProperties properties) {
        this.calendar = calendar;
        this.blackouts = blackouts;
        this.properties = properties;
        this.detector = new CollisionDetector(properties.collisionPolicy());
    }

    /** The calendar of [from, to). */
    public record CalendarRange(Instant from, Instant to, List<CalendarEntry> entries, List<Collision> collisions,
                                List<BlackoutView> blackouts) {
    }

    public CalendarRange range(Instant from, Instant to, CalendarFilter filter) {
        Instant contextFrom = from.minus(CONTEXT);
        Instant contextTo = to.plus(CONTEXT);
        List<CalendarEntry> all = calendar.entriesOn(days(contextFrom, contextTo));
        List<BlackoutView> quiet = blackouts.activeBetween(contextFrom, contextTo);
        List<Blackout> inForce = quiet.stream().map(BlackoutView::toBlackout).toList();
        List<ScheduledItem> items = all.stream().filter(CalendarEntry::active)
                .map(entry -> new ScheduledItem(entry.entryId(), entry.channelId(), entry.channelName(), entry.slot(),
                        entry.priority() == Priority.HIGH))
                .toList();
        List<Collision> collisions = detector.detect(items, inForce);

        List<CalendarEntry> entries = new ArrayList<>();
        for (CalendarEntry entry : all) {
            if (entry.slot().isBefore(from) || !entry.slot().isBefore(to)) {
                continue;
            }
            List<Collision> own = collisions.stream().filter(collision -> collision.involves(entry.entryId())).toList();
            boolean paused = (entry.status() == CalendarStatus.PLANNED || entry.status() == CalendarStatus.SCHEDULED)
                    && own.stream().anyMatch(collision -> collision.kind() == CollisionKind.BLACKOUT);
            CalendarEntry shown = entry.with(paused ? CalendarStatus.PAUSED : entry.status(), own);
            if (filter.matches(shown)) {
                entries.add(shown);
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::slot).thenComparing(CalendarEntry::entryId));
        List<String> shownIds = entries.stream().map(CalendarEntry::entryId).toList();
        List<Collision> shownCollisions = collisions.stream()
                .filter(collision -> collision.entryIds().stream().anyMatch(shownIds::contains))
                .toList();
        List<BlackoutView> shownBlackouts = quiet.stream()
                .filter(blackout -> blackout.startsAt().isBefore(to) && blackout.endsAt().isAfter(from))
                .toList();
        return new CalendarRange(from, to, entries, shownCollisions, shownBlackouts);
    }

    @Override
    public List<Collision> warningsFor(String storyId, String placementId, long storyVersion) {
        awaitStoryVersion(storyId, storyVersion);
        return calendar.findStory(storyId)
                .map(story -> story.placement(placementId))
                .filter(placement -> placement != null && placement.slot != null)
                .map(placement -> {
                    String entryId = CalendarEntry.idOf(storyId, placementId);
                    return range(placement.slot, placement.slot.plusSeconds(1), CalendarFilter.NONE).entries().stream()
                            .filter(entry -> entry.entryId().equals(entryId))
                            .flatMap(entry -> entry.collisions().stream())
                            .toList();
                })
                .orElse(List.of());
    }

    /** Waits (bounded) until the calendar shows the story at this version or later. */
    public void awaitStoryVersion(String storyId, long version) {
        ReadYourWrites.await(() -> calendar.findStory(storyId).map(story -> story.version >= version).orElse(false),
                WARNINGS_TIMEOUT);
    }

    private List<LocalDate> days(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, properties.timeZone());
        LocalDate last = LocalDate.ofInstant(to, properties.timeZone());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
