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

import newsroom.api.calendar.CalendarHistoryRepository.DayIndex;
import newsroom.api.calendar.CalendarHistoryRepository.Ended;
import newsroom.api.calendar.CalendarHistoryRepository.Hour;
import newsroom.api.calendar.CalendarHistoryRepository.Version;
import newsroom.api.calendar.CalendarHistoryRepository.Weeks;
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
 * calendar entries, the entry's current version ends at the event's instant (and is filed under the weeks it
 * held in) and the new one starts there. Time travel ({@code asOf=}) then reads the versions that held at an
 * instant from a month's day keys, instead of replaying every story of the month. Derived from the events
 * alone, so rebuildable; idempotent (the story copy's version skips an applied event, a version is filed once,
 * and only versions of earlier events are ended).
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
            LocalDate week = CalendarHistoryRepository.weekOf(message.getTimestamp());
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
                    batch.end(hourOf(was), entryId, message.getSequenceNumber(), at, week, history);
                }
                if (is != null && is.slot() != null) {
                    batch.begin(hourOf(is), is, stamp, at, message.getSequenceNumber(), history);
                }
            }
            batch.changedStories.put(storyId, after);
        }
        if (ProjectionBatch.atLastEvent()) {
            batch.write(history);
        }
    }

    @ResetHandler
    void reset() {
        history.deleteAll();
    }

    private Hour hourOf(CalendarEntry entry) {
        ZonedDateTime local = entry.slot().atZone(zone);
        return new Hour(local.toLocalDate(), local.getHour());
    }

    private static Map<String, CalendarEntry> byId(List<CalendarEntry> entries) {
        return entries.stream().collect(Collectors.toMap(CalendarEntry::entryId, Function.identity()));
    }

    /**
     * What one batch of events changed: each day index and hour read once and written once, the versions that
     * ended added to their documents without reading them.
     */
    private static final class Batch {
        private final Map<String, StoryView> stories = new HashMap<>();
        private final Map<String, StoryView> changedStories = new LinkedHashMap<>();
        private final Map<LocalDate, DayIndex> days = new HashMap<>();
        private final Set<LocalDate> changedDays = new TreeSet<>();
        private final Map<Hour, List<Version>> hours = new HashMap<>();
        private final Set<Hour> changedHours = new TreeSet<>();
        private final Map<Ended, List<Version>> ended = new TreeMap<>();

        /**
         * Ends the entry's version that holds, made by an earlier event of the story: it leaves its hour and is
         * added to the day's document of the weeks it began and ended in. A version a later event made stays: it
         * is there when a batch is handled again after its documents, but not its story copies, were written.
         */
        void end(Hour hour, String entryId, long sequence, long at, LocalDate week, CalendarHistoryRepository history) {
            List<Version> holding = hour(hour, history);
            for (Version version : List.copyOf(holding)) {
                if (version.entry().entryId().equals(entryId) && version.madeAt() < sequence) {
                    holding.remove(version);
                    changedHours.add(hour);
                    Weeks weeks = new Weeks(CalendarHistoryRepository.weekOf(version.from()), week);
                    DayIndex index = day(hour.day(), history);
                    ended.computeIfAbsent(history.file(index, hour.day(), weeks), key -> new ArrayList<>())
                            .add(new Version(version.entry(), version.from(), at, version.stamp()));
                    if (holding.isEmpty()) {
                        index.hours().remove(hour.hour());
                    }
                    changedDays.add(hour.day());
                }
            }
        }

        /**
         * Starts the entry's new version, unless its hour holds one this event or a later one made (a batch handled
         * again: its later events end what this one starts again in between).
         */
        void begin(Hour hour, CalendarEntry entry, String stamp, long at, long sequence,
                   CalendarHistoryRepository history) {
            List<Version> holding = hour(hour, history);
            boolean filedAlready = holding.stream().anyMatch(version ->
                    version.entry().entryId().equals(entry.entryId()) && version.madeAt() >= sequence);
            if (!filedAlready) {
                holding.add(new Version(entry, at, null, stamp));
                changedHours.add(hour);
                if (day(hour.day(), history).hours().add(hour.hour())) {
                    changedDays.add(hour.day());
                }
            }
        }

        private DayIndex day(LocalDate day, CalendarHistoryRepository history) {
            return days.computeIfAbsent(day, key -> history.indexes(List.of(key)).getOrDefault(key, DayIndex.empty()));
        }

        /** The hour's versions that hold, read once per batch; an hour its day's index does not list has none. */
        private List<Version> hour(Hour hour, CalendarHistoryRepository history) {
            List<Version> holding = hours.get(hour);
            if (holding == null) {
                holding = new ArrayList<>(day(hour.day(), history).hours().contains(hour.hour())
                        ? history.holding(List.of(hour)).getOrDefault(hour, List.of()) : List.of());
                hours.put(hour, holding);
            }
            return holding;
        }

        void write(CalendarHistoryRepository history) {
            Map<LocalDate, DayIndex> writtenDays = new TreeMap<>();
            changedDays.forEach(day -> writtenDays.put(day, days.get(day)));
            Map<Hour, List<Version>> writtenHours = new TreeMap<>();
            changedHours.forEach(hour -> writtenHours.put(hour, hours.get(hour)));
            history.write(ended, writtenDays, writtenHours, changedStories.values());
        }
    }
}
