package newsroom.api.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code publication_schedule} read model: per story with placements still to go out, each placement's slot
 * and whether it is held for an editor, plus {@code nextSlot}, the earliest slot not held. Only planned placements
 * are kept: a story leaves it when its last placement is published or cancelled.
 * <p>
 * The clock asks twice a second which stories are due, so that question is answered by exact keys (the embedded
 * store keeps no index on {@code nextSlot}: {@code nextSlot <= now} read every story of the schedule, ~190 ms of
 * CPU at 13,000 planned stories, a quarter of a core): {@code publication_due} files each story under the day
 * (UTC) of its {@code nextSlot}, {@code _id "2027-03-04"}, {@code stories: {<storyId>: nextSlot}}, and its
 * document {@value #DAYS_ID} lists the days that have stories. The clock reads that list, the days up to today
 * and the due stories. A story is filed under its new day before its schedule is written, so the clock never
 * misses one; a day left empty is removed.
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

    /** The {@code publication_due} document that lists the days with stories. */
    static final String DAYS_ID = "days";

    private final MongoCollection<Document> schedule;
    private final MongoCollection<Document> dueByDay;

    PublicationSchedule(MongoStore store) {
        this.schedule = store.database().getCollection("publication_schedule");
        this.dueByDay = store.database().getCollection("publication_due");
    }

    StorySchedule find(String storyId) {
        Document document = schedule.find(Filters.eq("_id", storyId)).first();
        return document == null ? null : fromDocument(document);
    }

    /** The stories with a placement due at or before the moment and not held, earliest first. */
    List<StorySchedule> due(Instant moment, int limit) {
        Document index = dueByDay.find(Filters.eq("_id", DAYS_ID)).first();
        if (index == null) {
            return List.of();
        }
        String lastDay = dayOf(moment);
        List<String> days = index.getList("days", String.class, List.of()).stream()
                .filter(day -> day.compareTo(lastDay) <= 0).toList();
        if (days.isEmpty()) {
            return List.of();
        }
        Date until = Date.from(moment);
        Map<String, Date> nextSlots = new HashMap<>();
        for (Document day : dueByDay.find(Filters.in("_id", days))) {
            day.get("stories", new Document()).forEach((storyId, nextSlot) -> {
                if (!((Date) nextSlot).after(until)) {
                    nextSlots.put(storyId, (Date) nextSlot);
                }
            });
        }
        List<String> earliest = nextSlots.keySet().stream()
                .sorted(Comparator.comparing((String storyId) -> nextSlots.get(storyId)).thenComparing(storyId -> storyId))
                .limit(limit).toList();
        if (earliest.isEmpty()) {
            return List.of();
        }
        Map<String, StorySchedule> found = new HashMap<>();
        schedule.find(Filters.in("_id", earliest)).forEach(document -> found.put(document.getString("_id"),
                fromDocument(document)));
        return earliest.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * Writes the story's schedule as it is after an event, {@code before} as it was stored (null if absent); files
     * it under the day of its next slot first, and takes it off the day it was filed under.
     */
    void save(StorySchedule before, StorySchedule story) {
        Instant nextSlotBefore = before == null ? null : nextSlot(before);
        Instant nextSlot = nextSlot(story);
        if (nextSlot != null && !nextSlot.equals(nextSlotBefore)) {
            file(story.storyId(), nextSlot);
        }
        if (nextSlotBefore != null && (nextSlot == null || !dayOf(nextSlot).equals(dayOf(nextSlotBefore)))) {
            unfile(story.storyId(), nextSlotBefore);
        }
        if (story.entries().isEmpty()) {
            // nothing left to publish: the story leaves the schedule (events are re-applied in order from the
            // processor's token, so an older event applied again is followed by the one that removed it)
            schedule.deleteOne(Filters.eq("_id", story.storyId()));
            return;
        }
        List<Document> placements = story.entries().stream().map(entry -> new Document("placementId", entry.placementId())
                .append("channelId", entry.channelId()).append("slot", Date.from(entry.slot()))
                .append("heldFor", entry.heldFor())).toList();
        schedule.replaceOne(Filters.eq("_id", story.storyId()), new Document("_id", story.storyId())
                .append("version", story.version()).append("nextSlot", nextSlot == null ? null : Date.from(nextSlot))
                .append("placements", placements), new ReplaceOptions().upsert(true));
    }

    private void file(String storyId, Instant nextSlot) {
        String day = dayOf(nextSlot);
        Document was = dueByDay.findOneAndUpdate(Filters.eq("_id", day),
                Updates.set("stories." + storyId, Date.from(nextSlot)), new FindOneAndUpdateOptions().upsert(true));
        if (was == null) { // a new day: listed (idempotent, so a crash in between is repaired when re-applied)
            dueByDay.updateOne(Filters.eq("_id", DAYS_ID), Updates.addToSet("days", day), new UpdateOptions().upsert(true));
        }
    }

    private void unfile(String storyId, Instant nextSlot) {
        String day = dayOf(nextSlot);
        Document left = dueByDay.findOneAndUpdate(Filters.eq("_id", day), Updates.unset("stories." + storyId),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (left == null || left.get("stories", new Document()).isEmpty()) {
            dueByDay.deleteOne(Filters.eq("_id", day));
            dueByDay.updateOne(Filters.eq("_id", DAYS_ID), Updates.pull("days", day));
        }
    }

    private static Instant nextSlot(StorySchedule story) {
        return story.entries().stream().filter(entry -> entry.heldFor() == null).map(Entry::slot)
                .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private static String dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(schedule, dueByDay);
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
