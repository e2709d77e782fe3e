package newsroom.api.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import newsroom.api.projection.ProjectionBatch;
import newsroom.api.story.StoryView;
import newsroom.api.story.StoryViewUpdater;
import newsroom.story.StoryEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendar through time ({@link CalendarHistoryRepository}): when a story event changes one of its
 * calendar entries, the entry's current version ends at the event's instant and the new one starts there.
 * Time travel ({@code asOf=}) then reads the versions that held at an instant from a month's day keys,
 * instead of replaying every story of the month. Derived from the events alone, so rebuildable; idempotent
 * (the story copy's version skips an applied event, and a version is never added twice).
 */
@Component
@ProcessingGroup(CalendarHistoryProjection.PROCESSING_GROUP)
class CalendarHistoryProjection {

    static final String PROCESSING_GROUP = "calendar-history";

    private final CalendarHistoryRepository history;
    private final ZoneId zone;

    CalendarHistoryProjection(CalendarHistoryRepository history, CalendarProperties properties) {
        this.history = history;
        this.zone = properties.timeZone();
    }

    @EventHandler
    void on(StoryEvent event, DomainEventMessage<?> message) {
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        String storyId = event.storyId();
        StoryView current = batch.stories.containsKey(storyId) ? batch.stories.get(storyId)
                : history.story(storyId).orElse(null);
        long versionBefore = current == null ? -1 : current.version;
        Map<String, CalendarEntry> before = current == null ? Map.of() : byId(CalendarProjection.entriesOf(current));
        StoryView after = StoryViewUpdater.apply(current, event, message.getSequenceNumber(), message.getTimestamp());
        batch.stories.put(storyId, after);
        if (after != null && after.version != versionBefore) {
            Map<String, CalendarEntry> now = byId(CalendarProjection.entriesOf(after));
            long at = CalendarHistoryRepository.nanos(message.getTimestamp());
            String stamp = storyId + "#" + message.getSequenceNumber();
            Set<String> ids = new TreeSet<>(before.keySet());
            ids.addAll(now.keySet());
            for (String entryId : ids) {
                CalendarEntry was = before.get(entryId);
                CalendarEntry is = now.get(entryId);
                if (Objects.equals(was, is)) {
                    continue;
                }
                if (was != null && was.slot() != null) {
                    batch.hour(hourOf(was), history).replaceAll(version -> version.entry().entryId().equals(entryId)
                            && version.to() == null && !version.stamp().equals(stamp)
                            ? new CalendarHistoryRepository.Version(version.entry(), version.from(), at, version.stamp())
                            : version);
                }
                if (is != null && is.slot() != null) {
                    List<CalendarHistoryRepository.Version> versions = batch.hour(hourOf(is), history);
                    boolean added = versions.stream().anyMatch(version -> version.stamp().equals(stamp)
                            && version.entry().entryId().equals(entryId));
                    if (!added) {
                        versions.add(new CalendarHistoryRepository.Version(is, at, null, stamp));
                    }
                }
            }
            batch.changedStories.put(storyId, after);
        }
        if (ProjectionBatch.atLastEvent()) {
            history.write(batch.hours, batch.days, batch.changedStories.values());
        }
    }

    @ResetHandler
    void reset() {
        history.deleteAll();
    }

    private CalendarHistoryRepository.Hour hourOf(CalendarEntry entry) {
        ZonedDateTime local = entry.slot().atZone(zone);
        return new CalendarHistoryRepository.Hour(local.toLocalDate(), local.getHour());
    }

    private static Map<String, CalendarEntry> byId(List<CalendarEntry> entries) {
        return entries.stream().collect(Collectors.toMap(CalendarEntry::entryId, Function.identity()));
    }

    /** What one batch of events changed: loaded once, written once. */
    private static final class Batch {
        private final Map<String, StoryView> stories = new HashMap<>();
        private final Map<String, StoryView> changedStories = new LinkedHashMap<>();
        private final Map<CalendarHistoryRepository.Hour, List<CalendarHistoryRepository.Version>> hours = new TreeMap<>();
        private final Map<LocalDate, TreeSet<Integer>> days = new TreeMap<>();

        /** The hour's versions, loaded once per batch; the hour joins its day's index. */
        List<CalendarHistoryRepository.Version> hour(CalendarHistoryRepository.Hour hour, CalendarHistoryRepository history) {
            TreeSet<Integer> hoursOfDay = days.computeIfAbsent(hour.day(),
                    day -> history.hoursOn(List.of(day)).getOrDefault(day, new TreeSet<>()));
            hoursOfDay.add(hour.hour());
            return hours.computeIfAbsent(hour, key -> new ArrayList<>(
                    history.versionsIn(List.of(key)).getOrDefault(key, List.of())));
        }
    }
}
