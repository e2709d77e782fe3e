package newsroom.api.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * Keeps the calendar: one entry per placement, filed under the day of its slot in a bucket per (day,
 * story). Each story event recomputes the story's entries and rewrites only the buckets whose entries
 * changed, with the story version they show; applying an event twice changes nothing (idempotent) and a
 * replay rebuilds the same documents. Works per batch, then announces the batch.
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
class CalendarProjection {

    static final String PROCESSING_GROUP = "calendar";

    private final CalendarRepository calendar;
    private final ReadModelProgress progress;
    private final ZoneId zone;

    CalendarProjection(CalendarRepository calendar, ReadModelProgress progress, CalendarProperties properties) {
        this.calendar = calendar;
        this.progress = progress;
        this.zone = properties.timeZone();
    }

    @EventHandler
    void on(StoryEvent event, DomainEventMessage<?> message) {
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        String storyId = event.storyId();
        StoryView current = batch.stories.containsKey(storyId) ? batch.stories.get(storyId)
                : calendar.findStory(storyId).orElse(null);
        long versionBefore = current == null ? -1 : current.version;
        Map<LocalDate, List<CalendarEntry>> before = current == null ? Map.of() : byDay(entriesOf(current));
        StoryView after = StoryViewUpdater.apply(current, event, message.getSequenceNumber(), message.getTimestamp());
        batch.stories.put(storyId, after);
        if (after != null && after.version != versionBefore) {
            Map<LocalDate, List<CalendarEntry>> now = byDay(entriesOf(after));
            Set<LocalDate> days = new TreeSet<>(before.keySet());
            days.addAll(now.keySet());
            for (LocalDate day : days) {
                List<CalendarEntry> entries = now.getOrDefault(day, List.of());
                if (!Objects.equals(before.getOrDefault(day, List.of()), entries)) {
                    batch.file(day, storyId, after.version, entries, calendar);
                }
            }
            batch.changedStories.put(storyId, after);
        }
        batch.applied.add(AppliedEvent.of(PROCESSING_GROUP, message));
        if (ProjectionBatch.atLastEvent()) {
            calendar.write(batch.changedStories.values(), batch.buckets.values(), batch.changedDays());
            progress.announce(batch.applied);
        }
    }

    @ResetHandler
    void reset() {
        calendar.deleteAll();
    }

    private Map<LocalDate, List<CalendarEntry>> byDay(List<CalendarEntry> entries) {
        Map<LocalDate, List<CalendarEntry>> byDay = new TreeMap<>();
        entries.forEach(entry -> byDay.computeIfAbsent(LocalDate.ofInstant(entry.slot(), zone), day -> new ArrayList<>())
                .add(entry));
        return byDay;
    }

    static List<CalendarEntry> entriesOf(StoryView story) {
        return story.placements.stream()
                .map(placement -> new CalendarEntry(CalendarEntry.idOf(story.storyId, placement.placementId),
                        story.storyId, placement.placementId, placement.channelId, placement.channelName,
                        placement.channelKind, placement.slot, statusOf(story, placement), story.title, story.desk,
                        story.campaign, story.audience, story.priority,
                        story.assignee != null ? story.assignee : story.pitchedBy,
                        ApprovalState.of(story.status), story.sourceStoryId, null))
                .toList();
    }

    private static CalendarStatus statusOf(StoryView story, StoryView.PlacementView placement) {
        if (placement.status == PlacementStatus.PUBLISHED) {
            return CalendarStatus.PUBLISHED;
        }
        if (placement.status == PlacementStatus.CANCELLED) {
            return CalendarStatus.CANCELLED;
        }
        // a story is approved only when every planned placement's steps are granted for its content
        return story.status == StoryStatus.APPROVED ? CalendarStatus.SCHEDULED : CalendarStatus.PLANNED;
    }

    /** What one batch of events changed: loaded once, written once. */
    private static final class Batch {
        private final Map<String, StoryView> stories = new HashMap<>();
        private final Map<String, StoryView> changedStories = new LinkedHashMap<>();
        private final Map<LocalDate, CalendarRepository.DayIndex> days = new TreeMap<>();
        private final Set<LocalDate> changedDays = new TreeSet<>();
        private final Map<String, CalendarRepository.Bucket> buckets = new LinkedHashMap<>();
        private final List<AppliedEvent> applied = new ArrayList<>();

        /** Files the story's entries on the day (none: takes it off the day). */
        void file(LocalDate day, String storyId, long version, List<CalendarEntry> entries,
                  CalendarRepository calendar) {
            CalendarRepository.DayIndex index = days.computeIfAbsent(day, calendar::dayIndex);
            if (entries.isEmpty()) {
                index.versions().remove(storyId);
            } else {
                index.versions().put(storyId, version);
            }
            changedDays.add(day);
            CalendarRepository.Bucket bucket = new CalendarRepository.Bucket(day, storyId, version, entries);
            buckets.put(bucket.id(), bucket);
        }

        List<CalendarRepository.DayIndex> changedDays() {
            return changedDays.stream().map(days::get).toList();
        }
    }
}
