package newsroom.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import newsroom.api.story.StoryView;
import newsroom.story.Audience;
import newsroom.story.Priority;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The calendar read model, laid out so that writes stay small and reads are exact-key lookups (the
 * embedded store scans on range queries):
 * <ul>
 * <li>{@code calendar_entries}: one bucket per hour of a day in the newsroom's zone,
 * {@code _id "2027-03-04T09"}, with that hour's entries and a stamp naming the event that last changed
 * it. A story event rewrites only the hours its placements were and are in: a few entries, never a busy
 * day's fifty.</li>
 * <li>{@code calendar_days}: one small index per day, {@code _id "2027-03-04"}, listing the hours that
 * have entries and each bucket's stamp.</li>
 * <li>{@code calendar_stories}: the calendar's own copy of each story, from which its entries derive.</li>
 * </ul>
 * A range is read as one {@code _id $in} lookup of its day indexes, plus one of the buckets not yet in
 * memory. Buckets are cached by (bucket, stamp): the stamp is the event after which the bucket was last
 * written ({@code <storyId>#<sequence number>}), and what a bucket holds after a given event never
 * changes, so the cache needs no invalidation and stays correct across server instances and rebuilds;
 * the index, read every time, says which stamp is current. The cache is bounded by the entries it holds.
 */
@Repository
class CalendarRepository {

    private static final int LOOKUP_CHUNK = 500;

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;
    private final Cache<String, List<CalendarEntry>> cache;

    CalendarRepository(MongoStore store, DocumentMapper mapper, CalendarProperties properties) {
        this.days = store.database().getCollection("calendar_days");
        this.buckets = store.database().getCollection("calendar_entries");
        this.stories = store.database().getCollection("calendar_stories");
        this.mapper = mapper;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.cachedEntries())
                .<String, List<CalendarEntry>>weigher((key, entries) -> Math.max(1, entries.size()))
                .build();
    }

    /** Which hours of a day have entries, and the stamp of each hour's bucket. */
    record DayIndex(LocalDate day, SortedMap<Integer, String> stamps) {
    }

    /**
     * The entries of one hour of one day, in time order.
     *
     * @param stamp the event after which it was last written: {@code <storyId>#<sequence number>}
     */
    record Bucket(LocalDate day, int hour, String stamp, List<CalendarEntry> entries) {

        String id() {
            return bucketId(day, hour);
        }
    }

    Optional<StoryView> findStory(String storyId) {
        return Optional.ofNullable(stories.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryView.class));
    }

    /** The day's index; an empty one for a day without entries. */
    DayIndex dayIndex(LocalDate day) {
        Document document = days.find(Filters.eq("_id", day.toString())).first();
        SortedMap<Integer, String> stamps = new TreeMap<>();
        if (document != null) {
            document.getList("hours", Document.class)
                    .forEach(hour -> stamps.put(hour.getInteger("hour"), hour.getString("stamp")));
        }
        return new DayIndex(day, stamps);
    }

    /** The entries of one hour as stored; none for an hour without entries. */
    List<CalendarEntry> bucket(LocalDate day, int hour) {
        Document document = buckets.find(Filters.eq("_id", bucketId(day, hour))).first();
        return document == null ? List.of() : entriesOf(document);
    }

    /**
     * Writes what one batch of events changed: the buckets (no entries: delete), the day indexes, and
     * last the stories. In that order a reader that sees an index entry finds its bucket, and one that
     * sees a story at a version (which is what callers wait for) finds its entries on the calendar.
     */
    void write(Collection<StoryView> changedStories, Collection<Bucket> changedBuckets, Collection<DayIndex> changedDays) {
        List<WriteModel<Document>> bucketWrites = new ArrayList<>();
        changedBuckets.forEach(bucket -> bucketWrites.add(bucket.entries().isEmpty()
                ? new DeleteOneModel<>(Filters.eq("_id", bucket.id()))
                : replace(bucket.id(), toDocument(bucket))));
        bulk(buckets, bucketWrites);
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        changedDays.forEach(index -> dayWrites.add(index.stamps().isEmpty()
                ? new DeleteOneModel<>(Filters.eq("_id", index.day().toString()))
                : replace(index.day().toString(), toDocument(index))));
        bulk(days, dayWrites);
        List<WriteModel<Document>> storyWrites = new ArrayList<>();
        changedStories.forEach(view -> storyWrites.add(replace(view.storyId, mapper.toDocument(view.storyId, view))));
        bulk(stories, storyWrites);
    }

    /** The entries on the given days, in no particular order. */
    List<CalendarEntry> entriesOn(Collection<LocalDate> wanted) {
        List<String> dayIds = wanted.stream().map(LocalDate::toString).toList();
        List<CalendarEntry> entries = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Document index : days.find(Filters.in("_id", dayIds))) {
            LocalDate day = LocalDate.parse(index.getString("_id"));
            for (Document hour : index.getList("hours", Document.class)) {
                String bucketId = bucketId(day, hour.getInteger("hour"));
                List<CalendarEntry> cached = cache.getIfPresent(cacheKey(bucketId, hour.getString("stamp")));
                if (cached != null) {
                    entries.addAll(cached);
                } else {
                    missing.add(bucketId);
                }
            }
        }
        for (int from = 0; from < missing.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + LOOKUP_CHUNK));
            for (Document bucket : buckets.find(Filters.in("_id", chunk))) {
                List<CalendarEntry> found = entriesOf(bucket);
                // a bucket written after its index was read is newer, and as true for its own stamp
                cache.put(cacheKey(bucket.getString("_id"), bucket.getString("stamp")), found);
                entries.addAll(found);
            }
        }
        return entries;
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(days, buckets, stories);
        cache.invalidateAll();
    }

    static String bucketId(LocalDate day, int hour) {
        return String.format("%sT%02d", day, hour);
    }

    private static String cacheKey(String bucketId, String stamp) {
        return bucketId + "@" + stamp;
    }

    private static List<CalendarEntry> entriesOf(Document bucket) {
        return bucket.getList("entries", Document.class).stream().map(CalendarRepository::toEntry).toList();
    }

    private static ReplaceOneModel<Document> replace(String id, Document document) {
        return new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
    }

    private static Document toDocument(DayIndex index) {
        List<Document> hours = new ArrayList<>();
        index.stamps().forEach((hour, stamp) -> hours.add(new Document("hour", hour).append("stamp", stamp)));
        return new Document("_id", index.day().toString()).append("hours", hours);
    }

    private static Document toDocument(Bucket bucket) {
        return new Document("_id", bucket.id())
                .append("stamp", bucket.stamp())
                .append("entries", bucket.entries().stream().map(CalendarRepository::toDocument).toList());
    }

    // Entries are mapped field by field rather than through Jackson: a month read decodes thousands of
    // them, and Jackson's per-object conversion was most of its time.

    static Document toDocument(CalendarEntry entry) {
        Document document = new Document();
        put(document, "entryId", entry.entryId());
        put(document, "storyId", entry.storyId());
        put(document, "placementId", entry.placementId());
        put(document, "channelId", entry.channelId());
        put(document, "channelName", entry.channelName());
        put(document, "channelKind", entry.channelKind());
        put(document, "slot", entry.slot() == null ? null : entry.slot().toString());
        put(document, "status", name(entry.status()));
        put(document, "title", entry.title());
        put(document, "desk", entry.desk());
        put(document, "campaign", entry.campaign());
        put(document, "audience", name(entry.audience()));
        put(document, "priority", name(entry.priority()));
        put(document, "owner", entry.owner());
        put(document, "approvalState", name(entry.approvalState()));
        put(document, "sourceStoryId", entry.sourceStoryId());
        put(document, "pausedByCrisis", entry.pausedByCrisis());
        if (!entry.quietPeriodOverrides().isEmpty()) {
            document.append("quietPeriodOverrides", entry.quietPeriodOverrides().stream().map(override -> {
                Document overridden = new Document();
                put(overridden, "blackoutId", override.blackoutId());
                put(overridden, "blackoutName", override.blackoutName());
                put(overridden, "reason", override.reason());
                put(overridden, "overriddenBy", override.overriddenBy());
                return overridden;
            }).toList());
        }
        return document;
    }

    static CalendarEntry toEntry(Document document) {
        String slot = document.getString("slot");
        return new CalendarEntry(document.getString("entryId"), document.getString("storyId"),
                document.getString("placementId"), document.getString("channelId"), document.getString("channelName"),
                document.getString("channelKind"), slot == null ? null : Instant.parse(slot),
                value(CalendarStatus.class, document.getString("status")), document.getString("title"),
                document.getString("desk"), document.getString("campaign"),
                value(Audience.class, document.getString("audience")),
                value(Priority.class, document.getString("priority")), document.getString("owner"),
                value(ApprovalState.class, document.getString("approvalState")), document.getString("sourceStoryId"),
                null, document.getString("pausedByCrisis"), document.getList("quietPeriodOverrides", Document.class,
                        List.of()).stream().map(overridden -> new CalendarEntry.QuietPeriodOverride(
                                overridden.getString("blackoutId"), overridden.getString("blackoutName"),
                                overridden.getString("reason"), overridden.getString("overriddenBy"))).toList());
    }

    private static void put(Document document, String field, String value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
