package newsroom.api.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import newsroom.api.story.StoryView;
import newsroom.api.story.StoryViewUpdater;
import newsroom.story.PlacementStatus;
import newsroom.story.StoryStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendar: one entry per placement, filed under the day of its slot. Each story event
 * recomputes the story's entries and rewrites the days they were and are on, so applying an event twice
 * gives the same calendar (idempotent) and a replay rebuilds it exactly.
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
class CalendarProjection {

    static final String PROCESSING_GROUP = "calendar";

    private final CalendarRepository calendar;
    private final ZoneId zone;

    CalendarProjection(CalendarRepository calendar, CalendarProperties properties) {
        this.calendar = calendar;
        this.zone = properties.timeZone();
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!"Story".equals(message.getType())) {
            return;
        }
        StoryView current = calendar.findStory(message.getAggregateIdentifier()).orElse(null);
        long versionBefore = current == null ? -1 : current.version;
        Set<LocalDate> daysBefore = current == null ? Set.of() : days(entriesOf(current));
        StoryView after = StoryViewUpdater.apply(current, event, message.getSequenceNumber(), message.getTimestamp());
        if (after == null || after.version == versionBefore) {
            return;
        }
        List<CalendarEntry> entries = entriesOf(after);
        Map<LocalDate, List<CalendarEntry>> byDay = entries.stream()
                .collect(Collectors.groupingBy(entry -> LocalDate.ofInstant(entry.slot(), zone)));
        Set<LocalDate> touched = new TreeSet<>(daysBefore);
        touched.addAll(byDay.keySet());
        for (LocalDate day : touched) {
            calendar.replaceEntries(day, after.storyId, byDay.getOrDefault(day, List.of()));
        }
        calendar.saveStory(after);
    }

    @ResetHandler
    void reset() {
        calendar.deleteAll();
    }

    private Set<LocalDate> days(List<CalendarEntry> entries) {
        return entries.stream().map(entry -> LocalDate.ofInstant(entry.slot(), zone)).collect(Collectors.toSet());
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
}
