package newsroom.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.story.StoryView;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The calendar through time: {@code calendar_history} holds per hour of a day (of the slot, in the
 * newsroom's zone, {@code _id "2027-03-04T09"}) every version each placement's calendar entry has had,
 * with the instants it held from and until ({@code to} absent while it holds);
 * {@code calendar_history_days} lists per day the hours that have versions; {@code calendar_history_stories}
 * is this read model's own copy of each story. Read by exact keys, like the calendar: a story event
 * rewrites only the hours it changed.
 */
@Component
class CalendarHistoryRepository {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> hours;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;

    CalendarHistoryRepository(MongoStore store, DocumentMapper mapper) {
        this.hours = store.database().getCollection("calendar_history");
        this.days = store.database().getCollection("calendar_history_days");
        this.stories = store.database().getCollection("calendar_history_stories");
        this.mapper = mapper;
    }

    /**
     * One version of an entry: it held from {@code from} (inclusive) until {@code to} (exclusive, null while it
     * holds), both in nanoseconds since the epoch; {@code stamp} names the story event that made it.
     */
    record Version(CalendarEntry entry, long from, Long to, String stamp) {

        boolean heldAt(long instant) {
            return from <= instant && (to == null || to > instant);
        }
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    Optional<StoryView> story(String storyId) {
        return Optional.ofNullable(stories.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryView.class));
    }

    /** An hour of a day (in the newsroom's zone): where versions are filed. */
    record Hour(LocalDate day, int hour) implements Comparable<Hour> {

        String id() {
            return CalendarRepository.bucketId(day, hour);
        }

        @Override
        public int compareTo(Hour other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : Integer.compare(hour, other.hour);
        }
    }

    /** The versions filed in these hours, by hour; an hour without any is absent. */
    Map<Hour, List<Version>> versionsIn(Collection<Hour> wanted) {
        Map<String, Hour> byId = new HashMap<>();
        wanted.forEach(hour -> byId.put(hour.id(), hour));
        Map<Hour, List<Version>> found = new HashMap<>();
        if (byId.isEmpty()) {
            return found;
        }
        for (Document bucket : hours.find(Filters.in("_id", byId.keySet()))) {
            List<Version> versions = new ArrayList<>();
            for (Document version : bucket.getList("versions", Document.class)) {
                versions.add(new Version(CalendarRepository.toEntry(version.get("entry", Document.class)),
                        version.getLong("from"), version.getLong("to"), version.getString("stamp")));
            }
            found.put(byId.get(bucket.getString("_id")), versions);
        }
        return found;
    }

    /** The hours of these days that have versions (from the day indexes). */
    Map<LocalDate, TreeSet<Integer>> hoursOn(Collection<LocalDate> wanted) {
        Map<LocalDate, TreeSet<Integer>> found = new HashMap<>();
        for (Document index : days.find(Filters.in("_id", wanted.stream().map(LocalDate::toString).toList()))) {
            found.put(LocalDate.parse(index.getString("_id")), new TreeSet<>(index.getList("hours", Integer.class)));
        }
        return found;
    }

    /** The entries as they stood at the instant on these days: one lookup of the day indexes, one of their hours. */
    List<CalendarEntry> entriesAsOf(Collection<LocalDate> wanted, Instant asOf) {
        long instant = nanos(asOf);
        List<Hour> filled = new ArrayList<>();
        hoursOn(wanted).forEach((day, hoursOfDay) -> hoursOfDay.forEach(hour -> filled.add(new Hour(day, hour))));
        List<CalendarEntry> entries = new ArrayList<>();
        versionsIn(filled).values().forEach(versions -> versions.stream().filter(version -> version.heldAt(instant))
                .forEach(version -> entries.add(version.entry())));
        return entries;
    }

    void write(Map<Hour, List<Version>> changedHours, Map<LocalDate, TreeSet<Integer>> changedDays,
               Collection<StoryView> changedStories) {
        List<WriteModel<Document>> hourWrites = new ArrayList<>();
        changedHours.forEach((hour, versions) -> {
            List<Document> documents = versions.stream().map(version -> new Document("entry",
                    CalendarRepository.toDocument(version.entry())).append("from", version.from())
                    .append("to", version.to()).append("stamp", version.stamp())).toList();
            hourWrites.add(new ReplaceOneModel<>(Filters.eq("_id", hour.id()),
                    new Document("_id", hour.id()).append("versions", documents), UPSERT));
        });
        bulk(hours, hourWrites);
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        changedDays.forEach((day, hoursOfDay) -> dayWrites.add(new ReplaceOneModel<>(Filters.eq("_id", day.toString()),
                new Document("_id", day.toString()).append("hours", new ArrayList<>(hoursOfDay)), UPSERT)));
        bulk(days, dayWrites);
        List<WriteModel<Document>> storyWrites = new ArrayList<>();
        changedStories.forEach(view -> storyWrites.add(new ReplaceOneModel<>(Filters.eq("_id", view.storyId),
                mapper.toDocument(view.storyId, view), UPSERT)));
        bulk(stories, storyWrites);
    }

    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
    }

    void deleteAll() {
        hours.deleteMany(new Document());
        days.deleteMany(new Document());
        stories.deleteMany(new Document());
    }
}
