package newsroom.api.storage;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store, kept in a map with {@link IndexKeyType} keys (see {@link SerialWritesBackend}).
 * <p>
 * It also answers a query that pins its key next to other conditions ({@code {_id: 5, state: "IN_PROGRESS"}},
 * {@code {$and: [{_id: 5}, {hash: {$exists: true}}]}}): the index finds the candidates for the pinned key, and the
 * collection checks the whole query on each of them, as it does for every index answer. The backend on its own
 * uses an index only for a query on exactly its keys and scans the collection for anything more (seconds for
 * one document at 100,000 documents).
 */
final class MVStoreUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;

    MVStoreUniqueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Document pinned = pinnedKeys(query);
        return pinned != null && super.canHandle(pinned);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Document pinned = pinnedKeys(query);
        return super.getPositions(pinned != null ? pinned : query);
    }

    /** The conditions of the query on this index's keys, top level or in a top-level {@code $and}; null if some key is free. */
    private Document pinnedKeys(Document query) {
        if (query.keySet().equals(keySet())) {
            return query;
        }
        Document pinned = new Document();
        for (String key : keys()) {
            if (query.containsKey(key)) {
                pinned.put(key, query.get(key));
            } else if (query.get("$and") instanceof List<?> conditions) {
                conditions.stream().filter(condition -> condition instanceof Document document && document.containsKey(key))
                        .findFirst().ifPresent(condition -> pinned.put(key, ((Document) condition).get(key)));
            }
            if (!pinned.containsKey(key)) {
                return null;
            }
        }
        return pinned;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
