package newsroom.api.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import newsroom.api.story.StoryView;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The calendar through time: every version each placement's calendar entry has had, with the instants it held
 * from and until, filed by the day of its slot (in the newsroom's zone).
 * <ul>
 * <li>{@code calendar_history}: the versions that still hold, per hour of a slot day ({@code _id "2027-03-04T09"});</li>
 * <li>{@code calendar_history_ended}: the versions that ended, per slot day and the weeks they began and ended in,
 * in chunks of at most {@value #CHUNK} versions in the order they ended ({@code _id "2027-03-04|2026-11-02|2026-11-09|0"};
 * weeks named by their Monday, in UTC);</li>
 * <li>{@code calendar_history_days}: per slot day, its hours with versions that hold and, per weeks, how many ended
 * versions were filed (so its chunks);</li>
 * <li>{@code calendar_history_stories}: this read model's own copy of each story.</li>
 * </ul>
 * Why by weeks: an instant's calendar needs only the versions that held then, a fraction of all versions a day
 * has had (each edit, approval or move of a story makes a new version of each of its entries). A version that
 * ended held at an instant only if it began in that instant's week or before and ended in it or after, so a read
 * asks for the day indexes, then for the days' hours and those of their ended documents only. Filed by slot
 * hour with everything, a month read decoded ten times the versions it answered with. The versions that hold
 * stay in small hour documents because they change with every story event. Why chunks: the ended versions of a
 * busy day only grow; in one document, each story event that ended a version rewrote all of them (60 KB on
 * average, 176 KB at most, at 100,000 events), and the store compressed that again at every flush.
 * <p>
 * A crash between the day indexes and the hours can file an ended version twice (the batch is handled again and
 * files it after the counted ones); a read takes each version once, by its key.
 */
@Component
class CalendarHistoryRepository {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /** Ended versions per document: about 10 KB, below the store's page size. */
    static final int CHUNK = 32;
    /** Documents per lookup: the embedded store matches each one found against the whole {@code $in} list. */
    private static final int LOOKUP_CHUNK = 250;

    private final int chunk;
    private final MongoCollection<Document> holding;
    private final MongoCollection<Document> ended;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;

    @Autowired
    CalendarHistoryRepository(MongoStore store, DocumentMapper mapper) {
        this(store, mapper, CHUNK);
    }

    /** With another chunk size: tests file a few versions per document, to have many. */
    CalendarHistoryRepository(MongoStore store, DocumentMapper mapper, int chunk) {
        this.chunk = chunk;
        this.holding = store.database().getCollection("calendar_history");
        this.ended = store.database().getCollection("calendar_history_ended");
        this.days = store.database().getCollection("calendar_history_days");
        this.stories = store.database().getCollection("calendar_history_stories");
        this.mapper = mapper;
    }

    /**
     * One version of an entry: it held from {@code from} (inclusive) until {@code to} (exclusive, null while it
     * holds), both in nanoseconds since the epoch; {@code stamp} names the story event that made it.
     */
    record Version(CalendarEntry entry, long from, Long to, String stamp) {

        /** Which version it is: the entry and the event that made it. */
        String key() {
            return entry.entryId() + "@" + stamp;
        }

        /** The sequence number of the story event that made it (the stamp is {@code <storyId>#<sequence>}). */
        long madeAt() {
            return Long.parseLong(stamp.substring(stamp.lastIndexOf('#') + 1));
        }

        Document toDocument() {
            return new Document("entry", CalendarRepository.toDocument(entry)).append("from", from).append("to", to)
                    .append("stamp", stamp);
        }

        static Version of(Document document) {
            return new Version(CalendarRepository.toEntry(document.get("entry", Document.class)),
                    document.getLong("from"), document.getLong("to"), document.getString("stamp"));
        }
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** The week (named by its Monday, in UTC) an instant is in; ended versions are filed by their weeks. */
    static LocalDate weekOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static LocalDate weekOf(long nanos) {
        return weekOf(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    /** The weeks the versions of an ended document began and ended in. */
    record Weeks(LocalDate began, LocalDate ended) implements Comparable<Weeks> {

        private static final Comparator<Weeks> ORDER = Comparator.comparing(Weeks::began).thenComparing(Weeks::ended);

        /** Whether a version filed under these weeks may have held at some instant of the given week. */
        boolean mayHoldIn(LocalDate week) {
            return !began.isAfter(week) && !ended.isBefore(week);
        }

        String id() {
            return began + "|" + ended;
        }

        static Weeks of(String id) {
            String[] parts = id.split("\\|");
            return new Weeks(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
        }

        @Override
        public int compareTo(Weeks other) {
            return ORDER.compare(this, other);
        }
    }

    /** An ended document: a chunk of the versions of a slot day that began and ended in the same weeks. */
    record Ended(LocalDate day, Weeks weeks, int chunk) implements Comparable<Ended> {

        String id() {
            return day + "|" + weeks.id() + "|" + chunk;
        }

        @Override
        public int compareTo(Ended other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0) {
                return byDay;
            }
            int byWeeks = weeks.compareTo(other.weeks);
            return byWeeks != 0 ? byWeeks : Integer.compare(chunk, other.chunk);
        }
    }

    /** An hour of a slot day: where the versions that hold are filed. */
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

    /** A slot day's index: the hours with versions that hold, and per weeks the number of ended versions filed. */
    record DayIndex(TreeSet<Integer> hours, TreeMap<Weeks, Integer> ended) {

        static DayIndex empty() {
            return new DayIndex(new TreeSet<>(), new TreeMap<>());
        }


        boolean isEmpty() {
            return hours.isEmpty() && ended.isEmpty();
        }
    }

    /** Files one more ended version of the day's weeks in its index; returns the document it goes into. */
    Ended file(DayIndex index, LocalDate day, Weeks weeks) {
        int filed = index.ended().getOrDefault(weeks, 0);
        index.ended().put(weeks, filed + 1);
        return new Ended(day, weeks, filed / chunk);
    }

    /** The documents of the day's ended versions of these weeks. */
    private List<Ended> chunks(DayIndex index, LocalDate day, Weeks weeks) {
        int filed = index.ended().getOrDefault(weeks, 0);
        List<Ended> chunks = new ArrayList<>();
        for (int number = 0; number * chunk < filed; number++) {
            chunks.add(new Ended(day, weeks, number));
        }
        return chunks;
    }

    Optional<StoryView> story(String storyId) {
        return Optional.ofNullable(stories.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryView.class));
    }

    /** The indexes of these slot days; a day with nothing filed is absent. */
    Map<LocalDate, DayIndex> indexes(Collection<LocalDate> wanted) {
        Map<LocalDate, DayIndex> found = new HashMap<>();
        for (Document index : find(days, wanted.stream().map(LocalDate::toString).toList())) {
            TreeMap<Weeks, Integer> weeks = new TreeMap<>();
            index.getList("ended", Document.class, List.of()).forEach(filed ->
                    weeks.put(Weeks.of(filed.getString("weeks")), filed.getInteger("filed")));
            found.put(LocalDate.parse(index.getString("_id")),
                    new DayIndex(new TreeSet<>(index.getList("hours", Integer.class, List.of())), weeks));
        }
        return found;
    }

    /** The versions that hold in these hours; an hour without any is absent. */
    Map<Hour, List<Version>> holding(Collection<Hour> wanted) {
        return versions(holding, wanted, Hour::id, version -> true);
    }

    /** The versions of these documents that pass the filter (on their stored form: only those are mapped). */
    private static <K> Map<K, List<Version>> versions(MongoCollection<Document> collection, Collection<K> wanted,
                                                      Function<K, String> id, Predicate<Document> filter) {
        Map<String, K> byId = new HashMap<>();
        wanted.forEach(key -> byId.put(id.apply(key), key));
        Map<K, List<Version>> found = new HashMap<>();
        for (Document document : find(collection, new ArrayList<>(byId.keySet()))) {
            List<Version> versions = new ArrayList<>();
            document.getList("versions", Document.class).stream().filter(filter)
                    .forEach(version -> versions.add(Version.of(version)));
            found.put(byId.get(document.getString("_id")), versions);
        }
        return found;
    }

    private static List<Document> find(MongoCollection<Document> collection, List<String> ids) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))))
                    .into(found);
        }
        return found;
    }

    /**
     * The entries as they stood at the instant on these days: one lookup of the day indexes, then of their hours
     * and of those ended documents whose versions may have held in the instant's week.
     */
    List<CalendarEntry> entriesAsOf(Collection<LocalDate> wanted, Instant asOf) {
        long instant = nanos(asOf);
        LocalDate week = weekOf(asOf);
        List<Hour> hours = new ArrayList<>();
        List<Ended> candidates = new ArrayList<>();
        indexes(wanted).forEach((day, index) -> {
            index.hours().forEach(hour -> hours.add(new Hour(day, hour)));
            index.ended().keySet().stream().filter(weeks -> weeks.mayHoldIn(week))
                    .forEach(weeks -> candidates.addAll(chunks(index, day, weeks)));
        });
        // held from "from" (inclusive) until "to" (exclusive)
        Predicate<Document> heldThen = version -> version.getLong("from") <= instant
                && (version.getLong("to") == null || version.getLong("to") > instant);
        Map<String, CalendarEntry> held = new HashMap<>(); // by version: a read while a batch is written may see one twice
        List<List<Version>> filed = new ArrayList<>(versions(holding, hours, Hour::id, heldThen).values());
        filed.addAll(versions(ended, candidates, Ended::id, heldThen).values());
        filed.forEach(versions -> versions.forEach(version -> held.put(version.key(), version.entry())));
        return new ArrayList<>(held.values());
    }

    /**
     * Writes what a batch changed: versions added to ended documents (each at most once, so a batch handled again
     * adds nothing), the day indexes, the hours (deleted once nothing holds there), and the story copies last,
     * so a reader that finds a story's version finds its entries, and an ended version is never missing.
     */
    void write(Map<Ended, List<Version>> endedVersions, Map<LocalDate, DayIndex> changedDays,
               Map<Hour, List<Version>> changedHours, Collection<StoryView> changedStories) {
        List<WriteModel<Document>> endedWrites = new ArrayList<>();
        endedVersions.forEach((key, versions) -> endedWrites.add(new UpdateOneModel<>(Filters.eq("_id", key.id()),
                Updates.addEachToSet("versions", versions.stream().map(Version::toDocument).toList()),
                new UpdateOptions().upsert(true))));
        bulk(ended, endedWrites);
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        changedDays.forEach((day, index) -> dayWrites.add(index.isEmpty()
                ? new DeleteOneModel<>(Filters.eq("_id", day.toString()))
                : new ReplaceOneModel<>(Filters.eq("_id", day.toString()), new Document("_id", day.toString())
                .append("hours", new ArrayList<>(index.hours()))
                .append("ended", index.ended().entrySet().stream().map(filed -> new Document("weeks",
                        filed.getKey().id()).append("filed", filed.getValue())).toList()), UPSERT)));
        bulk(days, dayWrites);
        List<WriteModel<Document>> hourWrites = new ArrayList<>();
        changedHours.forEach((hour, versions) -> hourWrites.add(versions.isEmpty()
                ? new DeleteOneModel<>(Filters.eq("_id", hour.id()))
                : new ReplaceOneModel<>(Filters.eq("_id", hour.id()), new Document("_id", hour.id())
                .append("versions", versions.stream().map(Version::toDocument).toList()), UPSERT)));
        bulk(holding, hourWrites);
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
        ReadModelCollections.deleteAll(holding, ended, days, stories);
    }
}
