package newsroom.api.storage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's H2 backend with one write at a time. Two reasons:
 * <ul>
 * <li>mongo-java-server checks unique indexes and then inserts without holding a lock across both, so two
 * concurrent inserts of the same key could both pass; serialised writes make a unique index, and an
 * update of one document, as atomic as on a real MongoDB;</li>
 * <li>the store file must only be written between two commands: a flush holds the same lock, so the file
 * never holds half a command (a document without its index entry, part of a batch insert).</li>
 * </ul>
 * Reads take no lock: the store gives each read a consistent snapshot of its map. (The MongoDB driver sends
 * every command as an OP_MSG message, so this is the one door every write comes through.)
 * <p>
 * A write whose client asks for it to be journaled ({@code j: true}, or {@code w: "majority"}, which a real
 * MongoDB also answers only once the write is in its journal) is answered once its file is synced
 * ({@link JournaledWrites}). Newsroom's own writes ask for neither on the embedded store: they await
 * {@link Durability} where they need it, which lets concurrent writers share a flush.
 * <p>
 * Collections live in one of two files ({@link StoreFiles}); a collection that an earlier version kept in the other
 * file (read models before the split) is moved when it is opened.
 * <p>
 * Documents are kept as BSON bytes, in the file and in memory ({@link BsonDocumentType}, {@link BsonCollection}),
 * and unique index keys with {@link IndexKeyType}, in
 * maps of their own (the backend's names plus {@code #bson}, and {@code ._keys_} instead of {@code ._index_}).
 * A store written by an earlier version is converted when it is opened: each collection's documents are
 * copied into the new map (with a commit every {@value #COPY_BATCH} documents, so memory stays bounded; a
 * copy interrupted by a crash is completed at the next start, as the old map is only dropped after it), and
 * each new, empty index is rebuilt from the documents by the server when it opens it.
 */
final class SerialWritesBackend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private static final Logger log = LoggerFactory.getLogger(SerialWritesBackend.class);
    private static final String BSON_MAP_SUFFIX = "#bson";
    static final int COPY_BATCH = 5_000;
    private static final long COPY_BATCH_BYTES = 8L * 1024 * 1024;

    /**
     * Hands the read models' file to the databases that the backend's constructor opens, before any field of
     * this class is set (see {@link Database}).
     */
    private static final ThreadLocal<MVStore> OPENING_READ_MODELS = new ThreadLocal<>();

    private final ReentrantLock writes;
    private final MVStore readModels;
    private final JournaledWrites journaled;

    /** Makes the writes done so far to a collection's file durable; throws if the file refused them. */
    @FunctionalInterface
    interface JournaledWrites {
        /** @param collectionName the collection written, or null for a command on a whole database */
        void awaitDurable(String collectionName);
    }

    private SerialWritesBackend(MVStore events, MVStore readModels, ReentrantLock writes, JournaledWrites journaled) {
        super(events);
        this.writes = writes;
        this.readModels = readModels;
        this.journaled = journaled;
    }

    /** A backend on the events file and the read models' file ({@link StoreFiles}). */
    static SerialWritesBackend open(MVStore events, MVStore readModels, ReentrantLock writes,
                                    JournaledWrites journaled) {
        OPENING_READ_MODELS.set(readModels);
        try {
            return new SerialWritesBackend(events, readModels, writes, journaled);
        } finally {
            OPENING_READ_MODELS.remove();
        }
    }

    private MVStore readModels() {
        return readModels != null ? readModels : OPENING_READ_MODELS.get();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        if (!WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleMessage(message);
        }
        Document answer;
        writes.lock();
        try {
            answer = super.handleMessage(message);
        } finally {
            writes.unlock();
        }
        if (asksForJournal(message.getDocument())) {
            // outside the lock, so that writers arriving meanwhile share the flush
            journaled.awaitDurable(message.getDocument().get(command) instanceof String name ? name : null);
        }
        return answer;
    }

    private static boolean asksForJournal(Document command) {
        return command.get("writeConcern") instanceof Document concern
                && (Boolean.TRUE.equals(concern.get("j")) || "majority".equals(concern.get("w")));
    }

    /**
     * A collection that keeps its documents as BSON bytes ({@link BsonDocumentType}) and counts its data size
     * when asked ({@code collStats}), not on every write. Every method of the backend's collection that touches
     * its map is here, converting on the way in and out.
     * <p>
     * The size: the backend re-encoded the old and the new document of every update to keep a running size, in
     * a map of its own: a tenth of everything the server allocated under load, and one more changed page per
     * collection in every flush. Nothing in Newsroom reads the size; a request for it now reads the collection.
     */
    private static final class BsonCollection extends H2Collection {

        private final MVMap<Object, Object> documents;
        /** False while the backend's constructor runs: it asks for the size (for a debug line) on opening. */
        private final boolean open;

        @SuppressWarnings({"unchecked", "rawtypes"})
        BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Object> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, (MVMap) documents, meta, cursors);
            this.documents = documents;
            this.open = true;
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected int getDataSize() {
            if (!open) {
                return 0; // counting would read every document of the store at each start
            }
            long size = 0;
            for (Object stored : documents.values()) {
                size += BsonDocumentType.bsonSize(stored);
            }
            return (int) Math.min(size, Integer.MAX_VALUE);
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
            Object previous = documents.put(Missing.ofNullable(key), BsonDocumentType.toStored(document));
            Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
            return key;
        }

        @Override
        protected Document getDocument(Object position) {
            return BsonDocumentType.toDocument(documents.get(position));
        }

        @Override
        protected void removeDocument(Object position) {
            if (documents.remove(position) == null) {
                throw new NoSuchElementException("No document with key " + position);
            }
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return documents.entrySet().stream().map(entry ->
                    new DocumentWithPosition<>(BsonDocumentType.toDocument(entry.getValue()), entry.getKey()));
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Stream<Document> inOrder = isNaturalDescending(orderBy)
                    ? streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument)
                    : documents.values().stream().map(BsonDocumentType::toDocument);
            return matchDocumentsFromStream(inOrder, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            documents.put(Missing.ofNullable(position), BsonDocumentType.toStored(newDocument));
        }
    }

    /** A secondary index the backend does not keep (it answers no query), and so never needs building. */
    private static final class NothingToBuild extends EmptyIndex<Object> {

        NothingToBuild(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /**
     * A database whose unique indexes use {@link IndexKeyType}. An inner class on purpose: the backend's
     * constructor opens the existing databases, and their constructors open the indexes, before any field of
     * this class is set; the enclosing instance (and its store) is the one thing already available.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** The file the collection's documents and indexes live in ({@link StoreFiles}). */
        private MVStore fileOf(String collectionName) {
            return StoreFiles.inEventsFile(collectionName) ? getMvStore() : readModels();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore events = getMvStore();
            MVStore store = fileOf(collectionName);
            String namespace = getFullCollectionNamespace(collectionName);
            String earlierVersion = "databases." + namespace;
            MVMap.Builder<Object, Object> bson = new MVMap.Builder<>().valueType(BsonDocumentType.INSTANCE);
            MVMap<Object, Object> documents = store.openMap(earlierVersion + BSON_MAP_SUFFIX, bson);
            MVStore other = store == events ? readModels() : events;
            if (other.hasMap(earlierVersion + BSON_MAP_SUFFIX)) {
                // kept in the other file by an earlier version: that file holds the truth until the copy is complete,
                // so an interrupted move starts over at the next start, indexes included
                documents.clear();
                for (String map : store.getMapNames()) {
                    if (map.startsWith(getDatabaseName() + "." + collectionName + "._keys_")) {
                        store.removeMap(map);
                    }
                }
                copy(other, other.openMap(earlierVersion + BSON_MAP_SUFFIX, bson), store, documents);
                if (other.hasMap("meta." + namespace)) {
                    other.removeMap("meta." + namespace);
                }
            }
            if (events.hasMap(earlierVersion)) {
                copy(events, events.openMap(earlierVersion), store, documents);
            }
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new BsonCollection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        /**
         * Copies the documents of an earlier version's map into the new one (with a commit of the new one every
         * {@value #COPY_BATCH} documents or 8 MB, so memory stays bounded), and drops the old map only after the copy
         * is complete.
         */
        private void copy(MVStore fromStore, MVMap<Object, Object> from, MVStore toStore, MVMap<Object, Object> documents) {
            log.info("Converting {} ({} documents) of the store file to {}", from.getName(), from.sizeAsLong(),
                    fromStore == toStore ? "the compact format"
                            : toStore == getMvStore() ? StoreFiles.EVENTS_FILE : StoreFiles.READ_MODELS_FILE);
            int copied = 0;
            long uncommittedBytes = 0;
            for (Map.Entry<Object, Object> entry : from.entrySet()) {
                // an earlier version's map holds documents (Java serialisation), the other file's BSON already
                Object stored = entry.getValue() instanceof Document document ? BsonDocumentType.toStored(document)
                        : entry.getValue();
                documents.putIfAbsent(entry.getKey(), stored);
                uncommittedBytes += BsonDocumentType.INSTANCE.getMemory(stored);
                // by count and by size: read models hold documents of 100 KB and more (a busy calendar day)
                if (++copied % COPY_BATCH == 0 || uncommittedBytes > COPY_BATCH_BYTES) {
                    toStore.commit();
                    uncommittedBytes = 0;
                }
            }
            toStore.commit();
            fromStore.removeMap(from);
            fromStore.commit();
        }

        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            MVStore readModels = readModels();
            for (String map : readModels.getMapNames()) {
                if (map.startsWith("databases." + getDatabaseName() + ".") || map.startsWith("meta." + getDatabaseName() + ".")
                        || map.startsWith(getDatabaseName() + ".")) {
                    readModels.removeMap(map);
                }
            }
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            MVStore store = fileOf(collectionName);
            store.removeMap("databases." + getFullCollectionNamespace(collectionName) + BSON_MAP_SUFFIX);
            store.removeMap("meta." + getFullCollectionNamespace(collectionName));
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            MVStore store = fileOf(collection.getCollectionName());
            if (store != fileOf(newCollectionName)) {
                throw new UnsupportedOperationException("the embedded store cannot rename " + collection.getFullName()
                        + " to " + newCollectionName + ": they belong in different files");
            }
            String from = "databases." + collection.getFullName() + BSON_MAP_SUFFIX;
            super.moveCollection(oldDatabase, collection, newCollectionName);
            if (store.hasMap(from)) {
                store.renameMap(store.openMap(from), "databases." + getDatabaseName() + "." + newCollectionName
                        + BSON_MAP_SUFFIX);
            }
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore events = getMvStore();
            MVStore store = fileOf(collectionName);
            String earlierVersion = indexMapName(collectionName, "_index_", indexName);
            if (events.hasMap(earlierVersion)) {
                events.removeMap(earlierVersion); // rebuilt from the documents into the new map
            }
            String keysMap = indexMapName(collectionName, "_keys_", indexName);
            MVStore other = store == events ? readModels() : events;
            if (other.hasMap(keysMap)) {
                other.removeMap(keysMap); // its collection moved to the other file, where it is rebuilt
            }
            MVMap<KeyValue, Object> map = store.openMap(indexMapName(collectionName, "_keys_", indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE)
                            .valueType(PositionType.INSTANCE));
            return new MVStoreUniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * The backend keeps no secondary (non-unique) index: queries on such a key scan, on every version.
         * Its placeholder reports itself empty, which made the collection read every document twice to
         * "build" it at each start (seconds at 100,000 documents); this one has nothing to build.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new NothingToBuild(indexName, keys);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            fileOf(collection.getCollectionName()).removeMap(indexMapName(collection.getCollectionName(), "_keys_", indexName));
        }

        private String indexMapName(String collectionName, String kind, String indexName) {
            return getDatabaseName() + "." + collectionName + "." + kind + indexName;
        }
    }
}
