package newsroom.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The calendar through time: {@code calendar_history} holds per day (of the slot, in the newsroom's zone)
 * every version each placement's calendar entry has had, with the instants it held from and until
 * ({@code to} absent while it holds); {@code calendar_history_stories} is this read model's own copy of
 * each story. Read by exact day keys, like the calendar.
 */
@Component
class CalendarHistoryRepository {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;

    CalendarHistoryRepository(MongoStore store, DocumentMapper mapper) {
        this.days = store.database().getCollection("calendar_history");
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

    /** The versions filed on these days, by day; a day without any is absent. */
    Map<LocalDate, List<Version>> versionsOn(Collection<LocalDate> wanted) {
        Map<LocalDate, List<Version>> found = new HashMap<>();
        for (Document day : days.find(Filters.in("_id", wanted.stream().map(LocalDate::toString).toList()))) {
            List<Version> versions = new ArrayList<>();
            for (Document version : day.getList("versions", Document.class)) {
                versions.add(new Version(CalendarRepository.toEntry(version.get("entry", Document.class)),
                        version.getLong("from"), version.getLong("to"), version.getString("stamp")));
            }
            found.put(LocalDate.parse(day.getString("_id")), versions);
        }
        return found;
    }

    /** The entries as they stood at the instant on these days. */
    List<CalendarEntry> entriesAsOf(Collection<LocalDate> wanted, Instant asOf) {
        long instant = nanos(asOf);
        List<CalendarEntry> entries = new ArrayList<>();
        versionsOn(wanted).values().forEach(versions -> versions.stream().filter(version -> version.heldAt(instant))
                .forEach(version -> entries.add(version.entry())));
        return entries;
    }

    void write(Map<LocalDate, List<Version>> changedDays, Collection<StoryView> changedStories) {
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        changedDays.forEach((day, versions) -> {
            List<Document> documents = versions.stream().map(version -> new Document("entry",
                    CalendarRepository.toDocument(version.entry())).append("from", version.from())
                    .append("to", version.to()).append("stamp", version.stamp())).toList();
            dayWrites.add(new ReplaceOneModel<>(Filters.eq("_id", day.toString()),
                    new Document("_id", day.toString()).append("versions", documents), UPSERT));
        });
        if (!dayWrites.isEmpty()) {
            days.bulkWrite(dayWrites);
        }
        List<WriteModel<Document>> storyWrites = new ArrayList<>();
        changedStories.forEach(view -> storyWrites.add(new ReplaceOneModel<>(Filters.eq("_id", view.storyId),
                mapper.toDocument(view.storyId, view), UPSERT)));
        if (!storyWrites.isEmpty()) {
            stories.bulkWrite(storyWrites);
        }
    }

    void deleteAll() {
        days.deleteMany(new Document());
        stories.deleteMany(new Document());
    }
}
