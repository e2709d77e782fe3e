package newsroom.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.story.StoryView;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * The audit read model: {@code audit_entries} (one document per event, {@code _id} = entry id),
 * {@code audit_postings} (per search key and month, the ids of its entries: an inverted index read by
 * exact {@code _id $in} keys, which the embedded store serves from its index where a query on a field
 * would scan every entry), and {@code audit_stories} (the audit's own copy of each story, for the channel
 * of a placement and the campaign of the moment).
 */
@Component
class AuditRepository {

    static final String MONTHS_KEY = "months";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> postings;
    private final MongoCollection<Document> stories;
    private final DocumentMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    AuditRepository(MongoStore store, DocumentMapper mapper) {
        this.entries = store.database().getCollection("audit_entries");
        this.postings = store.database().getCollection("audit_postings");
        this.stories = store.database().getCollection("audit_stories");
        this.mapper = mapper;
    }

    Optional<StoryView> story(String storyId) {
        return Optional.ofNullable(stories.find(Filters.eq("_id", storyId)).first())
                .map(document -> mapper.fromDocument(document, StoryView.class));
    }

    /** The posting lists of these keys; a key with no entries is absent. */
    Map<String, PostingList> postings(Collection<String> keys) {
        Map<String, PostingList> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (Document document : postings.find(Filters.in("_id", keys))) {
            found.put(document.getString("_id"), PostingList.decode(document.get("ids", Binary.class).getData(),
                    document.get("times", Binary.class).getData()));
        }
        return found;
    }

    /** The months (UTC, {@code 2027-03}) that have entries, in order. */
    TreeSet<String> months() {
        Document document = postings.find(Filters.eq("_id", MONTHS_KEY)).first();
        return document == null ? new TreeSet<>() : new TreeSet<>(document.getList("months", String.class));
    }

    void write(List<Document> newEntries, Map<String, PostingList> changedPostings, TreeSet<String> months,
               Collection<StoryView> changedStories) {
        bulk(entries, newEntries.stream().map(entry -> replace(entry.get("_id"), entry)).toList());
        List<WriteModel<Document>> postingWrites = new ArrayList<>();
        changedPostings.forEach((key, list) -> postingWrites.add(replace(key, new Document("_id", key)
                .append("ids", new Binary(list.encodedIds())).append("times", new Binary(list.encodedTimes())))));
        postingWrites.add(replace(MONTHS_KEY, new Document("_id", MONTHS_KEY).append("months", new ArrayList<>(months))));
        bulk(postings, postingWrites);
        bulk(stories, changedStories.stream().map(view -> replace(view.storyId, mapper.toDocument(view.storyId, view)))
                .toList());
    }

    /** The entries with these ids, in the order of the ids. */
    List<AuditEntry> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, AuditEntry> byId = new HashMap<>();
        for (Document document : entries.find(Filters.in("_id", ids))) {
            AuditEntry entry = toEntry(document);
            byId.put(entry.entryId(), entry);
        }
        return ids.stream().map(byId::get).filter(entry -> entry != null).toList();
    }

    void deleteAll() {
        entries.deleteMany(new Document());
        postings.deleteMany(new Document());
        stories.deleteMany(new Document());
    }

    static Document toDocument(AuditEntry entry, String data) {
        return new Document("_id", entry.entryId())
                .append("position", entry.position())
                .append("at", entry.at().toString()) // exact: a BSON date keeps milliseconds only
                .append("by", entry.by())
                .append("action", entry.action())
                .append("aggregateType", entry.aggregateType())
                .append("aggregateId", entry.aggregateId())
                .append("version", entry.version())
                .append("storyId", entry.storyId())
                .append("placementId", entry.placementId())
                .append("channels", entry.channels())
                .append("campaign", entry.campaign())
                .append("correlationId", entry.correlationId())
                .append("reason", entry.reason())
                .append("data", data);
    }

    private AuditEntry toEntry(Document document) {
        try {
            return new AuditEntry(document.getLong("_id"), document.getLong("position"),
                    Instant.parse(document.getString("at")), document.getString("by"), document.getString("action"),
                    document.getString("aggregateType"), document.getString("aggregateId"),
                    document.getLong("version"), document.getString("storyId"), document.getString("placementId"),
                    document.getList("channels", String.class), document.getString("campaign"),
                    document.getString("correlationId"), document.getString("reason"),
                    json.readTree(document.getString("data")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + document.get("_id") + " holds no JSON", e);
        }
    }

    private static ReplaceOneModel<Document> replace(Object id, Document document) {
        return new ReplaceOneModel<>(Filters.eq("_id", id), document, UPSERT);
    }

    private static void bulk(MongoCollection<Document> collection, List<? extends WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
    }
}
