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

import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.story.PlacementWarnings;
import newsroom.api.story.StoryView;
import newsroom.calendar.Blackout;
import newsroom.calendar.Collision;
import newsroom.calendar.CollisionDetector;
import newsroom.calendar.CollisionKind;
import newsroom.calendar.CollisionPolicy;
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
    private final ChannelCatalogue channels;
    private final CalendarHistoryRepository history;

    CalendarQueries(CalendarRepository calendar, BlackoutRepository blackouts, ReadModelProgress progress,
                    CalendarProperties properties, ChannelCatalogue channels, CalendarHistoryRepository history) {
        this.calendar = calendar;
        this.history = history;
        this.blackouts = blackouts;
        this.progress = progress;
        this.properties = properties;
        this.channels = channels;
    }

    /**
     * Collisions with each channel's minimum gap as an admin set it on the channel (configuration only for a
     * channel the channels read model does not know), so a change applies at once.
     */
    private CollisionDetector detector() {
        Map<String, Duration> gaps = new HashMap<>(properties.minimumGapByChannel());
        gaps.putAll(channels.minimumGaps());
        return new CollisionDetector(new CollisionPolicy(gaps, properties.minimumGap(), properties.maxHighPriorityPerDay(),
                properties.timeZone()));
    }

    /** The calendar of [from, to). */
    public record CalendarRange(Instant from, Instant to, List<CalendarEntry> entries, List<Collision> collisions,
                                List<BlackoutView> blackouts) {
    }

    public CalendarRange range(Instant from, Instant to, CalendarFilter filter) {
        return range(from, to, filter, calendar.entriesOn(days(from.minus(CONTEXT), to.plus(CONTEXT))));
    }

    /**
     * The calendar of [from, to) with the placements as they stood at {@code asOf} (from the calendar's
     * history, see {@link CalendarHistoryProjection}); quiet periods and collision rules are today's.
     */
    public CalendarRange rangeAsOf(Instant from, Instant to, CalendarFilter filter, Instant asOf) {
        return range(from, to, filter, history.entriesAsOf(days(from.minus(CONTEXT), to.plus(CONTEXT)), asOf));
    }

    private CalendarRange range(Instant from, Instant to, CalendarFilter filter, List<CalendarEntry> all) {
        Instant contextFrom = from.minus(CONTEXT);
        Instant contextTo = to.plus(CONTEXT);
        List<BlackoutView> quiet = blackouts.activeBetween(contextFrom, contextTo);
        List<Blackout> inForce = quiet.stream().map(BlackoutView::toBlackout).toList();
        List<ScheduledItem> items = new ArrayList<>(all.size());
        for (CalendarEntry entry : all) {
            if (entry.active()) {
                items.add(new ScheduledItem(entry.entryId(), entry.channelId(), entry.channelName(), entry.slot(),
                        entry.priority() == Priority.HIGH));
            }
        }
        List<Collision> collisions = detector().detect(items, inForce);
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
