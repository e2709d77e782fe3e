package newsroom.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import newsroom.api.projection.ReadModelProgress;
import newsroom.api.story.PlacementWarnings;
import newsroom.api.story.StoryView;
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

    /** The processing group and read model name others wait on. */
    public static final String NAME = CalendarProjection.PROCESSING_GROUP;

    private final CalendarRepository calendar;
    private final BlackoutRepository blackouts;
    private final ReadModelProgress progress;
    private final CalendarProperties properties;
    private final CollisionDetector detector;

    CalendarQueries(CalendarRepository calendar, BlackoutRepository blackouts, ReadModelProgress progress,
                    CalendarProperties properties) {
        this.calendar = calendar;
        this.blackouts = blackouts;
        this.progress = progress;
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
        List<ScheduledItem> items = new ArrayList<>(all.size());
        for (CalendarEntry entry : all) {
            if (entry.active()) {
                items.add(new ScheduledItem(entry.entryId(), entry.channelId(), entry.channelName(), entry.slot(),
                        entry.priority() == Priority.HIGH));
            }
        }
        List<Collision> collisions = detector.detect(items, inForce);
        Map<String, List<Collision>> collisionsByEntry = new HashMap<>();
        for (Collision collision : collisions) {
            for (String entryId : collision.entryIds()) {
                collisionsByEntry.computeIfAbsent(entryId, id -> new ArrayList<>()).add(collision);
            }
        }

        List<CalendarEntry> entries = new ArrayList<>();
        Set<String> shownIds = new HashSet<>();
        for (CalendarEntry entry : all) {
            if (entry.slot().isBefore(from) || !entry.slot().isBefore(to)) {
                continue;
            }
            List<Collision> own = collisionsByEntry.getOrDefault(entry.entryId(), List.of());
            // held by a quiet period unless a lead overrode every period that holds it
            boolean paused = (entry.status() == CalendarStatus.PLANNED || entry.status() == CalendarStatus.SCHEDULED)
                    && inForce.stream().anyMatch(period -> period.covers(entry.channelId(), entry.slot())
                            && !entry.overrides(period.blackoutId()));
            CalendarEntry shown = entry.with(paused ? CalendarStatus.PAUSED : entry.status(), own);
            if (filter.matches(shown)) {
                entries.add(shown);
                shownIds.add(shown.entryId());
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::slot).thenComparing(CalendarEntry::entryId));
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
        return awaitStoryVersion(storyId, storyVersion)
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

    /** Waits (bounded) until the calendar shows the story at this version or later; answers its copy. */
    private Optional<StoryView> awaitStoryVersion(String storyId, long version) {
        return progress.awaitVersion(NAME, storyId, version, () -> calendar.findStory(storyId), story -> story.version,
                WARNINGS_TIMEOUT);
    }

    /** The story version the calendar shows; -1 if it does not know the story. */
    public long storyVersion(String storyId) {
        return calendar.findStory(storyId).map(story -> story.version).orElse(-1L);
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
