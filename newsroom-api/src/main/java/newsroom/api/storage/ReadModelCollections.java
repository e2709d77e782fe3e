package newsroom.api.storage;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * Empties read-model collections for a rebuild, a batch of ids at a time.
 * <p>
 * Why not {@code deleteMany({})}: the embedded store answers it by decoding every document of the collection
 * into one list before deleting any. A rebuild on upgrade of the audit (about 120,000 entries and their
 * posting lists) ran a 256 MB heap out of memory at start, and the server stopped answering. Looking up a batch
 * of ids and deleting them by exact {@code _id} keeps a batch in memory on the embedded store and on MongoDB.
 * Not {@code drop()}: on MongoDB that also drops the indexes the repositories made at start.
 */
public final class ReadModelCollections {

    /** Ids per lookup and delete: the embedded store checks each document it finds against the whole list. */
    static final int BATCH = 256;

    private ReadModelCollections() {
    }

    /** Deletes every document of each collection. */
    public static void deleteAll(MongoCollection<?>... collections) {
        for (MongoCollection<?> collection : collections) {
            MongoCollection<Document> documents = collection.withDocumentClass(Document.class);
            while (true) {
                List<Object> ids = new ArrayList<>(BATCH);
                documents.find().projection(Projections.include("_id")).limit(BATCH)
                        .forEach(document -> ids.add(document.get("_id")));
                if (ids.isEmpty()) {
                    break;
                }
                documents.deleteMany(Filters.in("_id", ids));
            }
        }
    }
}
