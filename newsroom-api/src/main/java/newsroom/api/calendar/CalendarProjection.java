package newsroom.api.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ProjectionBatch;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.story.StoryView;
import newsroom.api.story.StoryViewUpdater;
import newsroom.story.PlacementStatus;
import newsroom.story.StoryEvent;
import newsroom.story.StoryStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendar: one entry per placement, filed in the bucket of the hour of its slot (in the
 * newsroom's zone). Each story event recomputes the story's entries and rewrites only the hour buckets
 * whose entries of this story changed, stamped with the event; applying an event twice changes nothing
 * (idempotent) and a replay rebuilds the same documents. Works per batch, then announces the batch.
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
class CalendarProjection {

    static final String PROCESSING_GROUP = "calendar";
    private static final Comparator<CalendarEntry> IN_TIME_ORDER = Comparator.comparing(CalendarEntry::slot)
            .thenComparing(CalendarEntry::entryId);

    private final CalendarRepository calendar;
    private final ReadModelProgress progress;
    private final ZoneId zone;

    CalendarProjection(CalendarRepository calendar, ReadModelProgress progress, CalendarProperties properties) {
        this.calendar = calendar;
        this.progress = progress;
        this.zone = properties.timeZone();
    }

    /** An hour of a day in the newsroom's zone: where an entry is filed. */
    private record Hour(LocalDate day, int hour) implements Comparable<Hour> {

        @Override
        public int compareTo(Hour other) {
            return Comparator.comparing(Hour::day).thenComparingInt(Hour::hour).compare(this, other);
        }
    }

    @EventHandler
    void on(StoryEvent event, DomainEventMessage<?> message) {
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        String storyId = event.storyId();
        StoryView current = batch.stories.containsKey(storyId) ? batch.stories.get(storyId)
                : calendar.findStory(storyId).orElse(null);
        long versionBefore = current == null ? -1 : current.version;
        Map<Hour, List<CalendarEntry>> before = current == null ? Map.of() : byHour(entriesOf(current));
        StoryView after = StoryViewUpdater.apply(current, event, message.getSequenceNumber(), message.getTimestamp());
        batch.stories.put(storyId, after);
        if (after != null && after.version != versionBefore) {
            Map<Hour, List<CalendarEntry>> now = byHour(entriesOf(after));
            Set<Hour> hours = new TreeSet<>(before.keySet());
            hours.addAll(now.keySet());
            String stamp = storyId + "#" + message.getSequenceNumber();
            for (Hour hour : hours) {
                List<CalendarEntry> entries = now.getOrDefault(hour, List.of());
                if (!Objects.equals(before.getOrDefault(hour, List.of()), entries)) {
                    batch.file(hour, storyId, entries, stamp, calendar);
                }
            }
            batch.changedStories.put(storyId, after);
        }
        batch.applied.add(AppliedEvent.of(PROCESSING_GROUP, message));
        if (ProjectionBatch.atLastEvent()) {
            calendar.write(batch.changedStories.values(), batch.changedBuckets(), batch.changedDays());
            progress.announce(batch.applied);
        }
    }

    @ResetHandler
    void reset() {
        calendar.deleteAll();
    }

    private Map<Hour, List<CalendarEntry>> byHour(List<CalendarEntry> entries) {
        Map<Hour, List<CalendarEntry>> byHour = new TreeMap<>();
        for (CalendarEntry entry : entries) {
            ZonedDateTime local = entry.slot().atZone(zone);
            byHour.computeIfAbsent(new Hour(local.toLocalDate(), local.getHour()), hour -> new ArrayList<>()).add(entry);
        }
        return byHour;
    }

    static List<CalendarEntry> entriesOf(StoryView story) {
        return story.placements.stream()
                .map(placement -> new CalendarEntry(CalendarEntry.idOf(story.storyId, placement.placementId),
                        story.storyId, placement.placementId, placement.channelId, placement.channelName,
                        placement.channelKind, placement.slot, statusOf(story, placement), story.title, story.desk,
                        story.campaign, story.audience, story.priority,
                        story.assignee != null ? story.assignee : story.pitchedBy,
                        ApprovalState.of(story.status), story.sourceStoryId, null,
                        placement.status == PlacementStatus.PLANNED && placement.paused ? placement.pausedByCrisis : null,
                        story.overridesFor(placement.placementId).stream()
                                .map(override -> new CalendarEntry.QuietPeriodOverride(override.blackoutId(),
                                        override.blackoutName(), override.reason(), override.overriddenBy()))
                                .toList()))
                .toList();
    }

    private static CalendarStatus statusOf(StoryView story, StoryView.PlacementView placement) {
        if (placement.status == PlacementStatus.PUBLISHED) {
            return CalendarStatus.PUBLISHED;
        }
        if (placement.status == PlacementStatus.CANCELLED) {
            return CalendarStatus.CANCELLED;
        }
        if (placement.paused) {
            return CalendarStatus.PAUSED; // held back by crisis mode until someone decides
        }
        // a story is approved only when every planned placement's steps are granted for its content
        return story.status == StoryStatus.APPROVED ? CalendarStatus.SCHEDULED : CalendarStatus.PLANNED;
    }

    /** What one batch of events changed: loaded once, written once. */
    private static final class Batch {
        private final Map<String, StoryView> stories = new HashMap<>();
        private final Map<String, StoryView> changedStories = new LinkedHashMap<>();
        private final Map<LocalDate, CalendarRepository.DayIndex> days = new TreeMap<>();
        private final Map<Hour, List<CalendarEntry>> hours = new TreeMap<>();
        private final Map<Hour, String> stamps = new TreeMap<>();
        private final List<AppliedEvent> applied = new ArrayList<>();

        /** Puts the story's entries of the hour in its bucket in place of those it had there. */
        void file(Hour hour, String storyId, List<CalendarEntry> entries, String stamp, CalendarRepository calendar) {
            List<CalendarEntry> bucket = hours.computeIfAbsent(hour,
                    key -> new ArrayList<>(calendar.bucket(key.day(), key.hour())));
            bucket.removeIf(entry -> entry.storyId().equals(storyId));
            bucket.addAll(entries);
            bucket.sort(IN_TIME_ORDER);
            stamps.put(hour, stamp);
            CalendarRepository.DayIndex index = days.computeIfAbsent(hour.day(), calendar::dayIndex);
            if (bucket.isEmpty()) {
                index.stamps().remove(hour.hour());
            } else {
                index.stamps().put(hour.hour(), stamp);
            }
        }

        List<CalendarRepository.Bucket> changedBuckets() {
            return hours.entrySet().stream().map(changed -> new CalendarRepository.Bucket(changed.getKey().day(),
                    changed.getKey().hour(), stamps.get(changed.getKey()), changed.getValue())).toList();
        }

        Collection<CalendarRepository.DayIndex> changedDays() {
            return days.values();
        }
    }
}
