package newsroom.api.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.story.StoryView;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The calendar read model: {@code calendar_days} holds one document per day (in the newsroom's zone)
 * with that day's entries, so a day, week or month is an exact {@code _id $in} lookup — never a range
 * scan, which the embedded store cannot index. {@code calendar_stories} keeps the calendar's own copy of
 * each story, from which its entries are derived.
 */
@Repository
class CalendarRepository {

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;

    CalendarRepository(MongoStore store, DocumentMapper mapper) {
        this.days = store.database().getCollection("calendar_days");
        this.stories = store.database().getCollection("calendar_stories");
        this.mapper = mapper;
    }

    Optional<StoryView> findStory(String storyId) {
        return Optional.ofNullable(stories.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryView.class));
    }

    void saveStory(StoryView view) {
        stories.replaceOne(Filters.eq("_id", view.storyId), mapper.toDocument(view.storyId, view),
                new ReplaceOptions().upsert(true));
    }

    /** Replaces the story's entries on one day with the given ones. */
    void replaceEntries(LocalDate day, String storyId, List<CalendarEntry> entriesOfStory) {
        String id = day.toString();
        List<CalendarEntry> entries = new ArrayList<>(entriesOn(id));
        entries.removeIf(entry -> entry.storyId().equals(storyId));
        entries.addAll(entriesOfStory);
        if (entries.isEmpty()) {
            days.deleteOne(Filters.eq("_id", id));
            return;
        }
        entries.sort(java.util.Comparator.comparing(CalendarEntry::slot).thenComparing(CalendarEntry::entryId));
        Document document = new Document("_id", id).append("entries",
                entries.stream().map(entry -> mapper.toDocument(entry.entryId(), entry)).toList());
        days.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    List<CalendarEntry> entriesOn(Collection<LocalDate> wanted) {
        List<String> ids = wanted.stream().map(LocalDate::toString).toList();
        List<CalendarEntry> entries = new ArrayList<>();
        days.find(Filters.in("_id", ids)).forEach(document -> entries.addAll(toEntries(document)));
        return entries;
    }

    private List<CalendarEntry> entriesOn(String id) {
        Document document = days.find(Filters.eq("_id", id)).first();
        return document == null ? List.of() : toEntries(document);
    }

    private List<CalendarEntry> toEntries(Document day) {
        return day.getList("entries", Document.class).stream()
                .map(entry -> mapper.fromDocument(entry, CalendarEntry.class))
                .toList();
    }

    void deleteAll() {
        days.deleteMany(new Document());
        stories.deleteMany(new Document());
    }
}
