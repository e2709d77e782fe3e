package newsroom.api.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code publication_schedule} read model: per story with placements still to go out, each placement's slot
 * and whether it is held for an editor, plus {@code nextSlot}, the earliest slot not held — so the clock asks
 * one question ({@code nextSlot <= now}) whose answer is a handful of documents. Only planned placements are
 * kept: a story leaves it when its last placement is published or cancelled, so it stays small whatever the
 * history holds.
 */
@Component
class PublicationSchedule {

    /** One placement waiting for its slot. */
    record Entry(String storyId, String placementId, String channelId, Instant slot, String heldFor) {
    }

    /** What the read model holds for one story, at the story version it last applied. */
    record StorySchedule(String storyId, long version, List<Entry> entries) {

        StorySchedule {
            entries = List.copyOf(entries);
        }
    }

    private final MongoCollection<Document> schedule;

    PublicationSchedule(MongoStore store) {
        this.schedule = store.database().getCollection("publication_schedule");
        this.schedule.createIndex(Indexes.ascending("nextSlot")); // MongoDB uses it; the embedded store scans (small)
    }

    StorySchedule find(String storyId) {
        Document document = schedule.find(Filters.eq("_id", storyId)).first();
        return document == null ? null : fromDocument(document);
    }

    /** The stories with a placement due at or before the moment and not held, earliest first. */
    List<StorySchedule> due(Instant moment, int limit) {
        List<StorySchedule> due = new ArrayList<>();
        for (Document document : schedule.find(Filters.lte("nextSlot", Date.from(moment))).sort(Sorts.ascending("nextSlot"))
                .limit(limit)) {
            due.add(fromDocument(document));
        }
        return due;
    }

    void save(StorySchedule story) {
        if (story.entries().isEmpty()) {
            // nothing left to publish: the story leaves the schedule (events are re-applied in order from the
            // processor's token, so an older event applied again is followed by the one that removed it)
            schedule.deleteOne(Filters.eq("_id", story.storyId()));
            return;
        }
        List<Document> placements = story.entries().stream().map(entry -> new Document("placementId", entry.placementId())
                .append("channelId", entry.channelId()).append("slot", Date.from(entry.slot()))
                .append("heldFor", entry.heldFor())).toList();
        Instant nextSlot = story.entries().stream().filter(entry -> entry.heldFor() == null).map(Entry::slot)
                .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        schedule.replaceOne(Filters.eq("_id", story.storyId()), new Document("_id", story.storyId())
                .append("version", story.version()).append("nextSlot", nextSlot == null ? null : Date.from(nextSlot))
                .append("placements", placements), new ReplaceOptions().upsert(true));
    }

    void deleteAll() {
        schedule.deleteMany(new Document());
    }

    private static StorySchedule fromDocument(Document document) {
        String storyId = document.getString("_id");
        List<Entry> entries = new ArrayList<>();
        for (Document placement : document.getList("placements", Document.class, List.of())) {
            entries.add(new Entry(storyId, placement.getString("placementId"), placement.getString("channelId"),
                    placement.getDate("slot").toInstant(), placement.getString("heldFor")));
        }
        return new StorySchedule(storyId, document.get("version", Number.class).longValue(), entries);
    }
}
