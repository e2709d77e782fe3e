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
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
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
    /** Entries per block of a posting list: appending rewrites one block of at most 4 KB of ids, not the list. */
    static final int BLOCK = 256;
    private static final int READ_CHUNK = 500;
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
        Map<String, Integer> blockCounts = new HashMap<>();
        Map<String, PostingList> blocks = new HashMap<>();
        List<String> laterBlocks = new ArrayList<>();
        for (Document head : postings.find(Filters.in("_id", keys))) {
            String key = head.getString("_id");
            int count = head.getInteger("blocks", 1);
            blockCounts.put(key, count);
            blocks.put(key, listOf(head));
            for (int block = 1; block < count; block++) {
                laterBlocks.add(blockId(key, block));
            }
        }
        readBlocks(laterBlocks, blocks);
        blockCounts.forEach((key, count) -> {
            List<PostingList> inOrder = new ArrayList<>();
            for (int block = 0; block < count; block++) {
                inOrder.add(blocks.get(blockId(key, block)));
            }
            found.put(key, PostingList.concat(inOrder));
        });
        return found;
    }

    /**
     * Where a batch appends to each key's posting list: its last block (a key without entries: an empty first
     * block). A batch reads and writes only these, not the whole list (a month's list of every entry held
     * 90,000 ids, 1.4 MB, rewritten for every batch of events).
     */
    Map<String, PostingTail> tails(Collection<String> keys) {
        Map<String, PostingTail> tails = new HashMap<>();
        if (keys.isEmpty()) {
            return tails;
        }
        Map<String, PostingList> blocks = new HashMap<>();
        Map<String, Integer> lastBlocks = new HashMap<>();
        for (Document head : postings.find(Filters.in("_id", keys))) {
            String key = head.getString("_id");
            int last = head.getInteger("blocks", 1) - 1;
            lastBlocks.put(key, last);
            blocks.put(key, listOf(head));
        }
        readBlocks(lastBlocks.entrySet().stream().filter(last -> last.getValue() > 0)
                .map(last -> blockId(last.getKey(), last.getValue())).toList(), blocks);
        for (String key : keys) {
            int last = lastBlocks.getOrDefault(key, 0);
            tails.put(key, new PostingTail(key, last, blocks.getOrDefault(blockId(key, last), new PostingList())));
        }
        return tails;
    }

    /**
     * The whole posting list as one tail from its first block, to insert an entry before the last block (a replayed
     * event): the stored blocks before the tail, then the tail as the batch has it so far.
     */
    PostingTail whole(PostingTail tail) {
        if (tail.firstBlock() == 0) {
            return tail;
        }
        Map<String, PostingList> blocks = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int block = 0; block < tail.firstBlock(); block++) {
            ids.add(blockId(tail.key(), block));
        }
        readBlocks(ids, blocks);
        List<PostingList> inOrder = new ArrayList<>();
        ids.forEach(id -> inOrder.add(blocks.get(id)));
        inOrder.add(tail.list());
        return new PostingTail(tail.key(), 0, PostingList.concat(inOrder));
    }

    private void readBlocks(List<String> ids, Map<String, PostingList> into) {
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            for (Document block : postings.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + READ_CHUNK))))) {
                into.put(block.getString("_id"), listOf(block));
            }
        }
    }

    private static PostingList listOf(Document block) {
        return PostingList.decode(block.get("ids", Binary.class).getData(), block.get("times", Binary.class).getData());
    }

    /** Block 0 of a posting list has the key itself as id (and says how many blocks there are), later ones {@code key#n}. */
    static String blockId(String key, int block) {
        return block == 0 ? key : key + "#" + block;
    }

    /**
     * The documents for a changed tail: its entries in blocks of {@value #BLOCK} from its first block on, and, if the
     * count of blocks changed and the first block is not among them, the count on the first block.
     */
    private static void writeTail(PostingTail tail, List<WriteModel<Document>> writes) {
        PostingList list = tail.list();
        int blocks = tail.firstBlock() + Math.max(1, (list.size() + BLOCK - 1) / BLOCK);
        for (int block = tail.firstBlock(), from = 0; block < blocks; block++, from += BLOCK) {
            PostingList part = list.slice(from, Math.min(list.size(), from + BLOCK));
            Document document = new Document("_id", blockId(tail.key(), block))
                    .append("ids", new Binary(part.encodedIds())).append("times", new Binary(part.encodedTimes()));
            if (block == 0) {
                document.append("blocks", blocks);
            }
            writes.add(replace(document.getString("_id"), document));
        }
        if (tail.firstBlock() > 0 && blocks != tail.firstBlock() + 1) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", tail.key()), Updates.set("blocks", blocks)));
        }
    }

    /** The months (UTC, {@code 2027-03}) that have entries, in order. */
    TreeSet<String> months() {
        Document document = postings.find(Filters.eq("_id", MONTHS_KEY)).first();
        return document == null ? new TreeSet<>() : new TreeSet<>(document.getList("months", String.class));
    }

    void write(List<Document> newEntries, Map<String, PostingTail> changedPostings, TreeSet<String> months,
               Collection<StoryView> changedStories) {
        bulk(entries, newEntries.stream().map(entry -> replace(entry.get("_id"), entry)).toList());
        List<WriteModel<Document>> postingWrites = new ArrayList<>();
        changedPostings.values().forEach(tail -> writeTail(tail, postingWrites));
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
        ReadModelCollections.deleteAll(entries, postings, stories);
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
