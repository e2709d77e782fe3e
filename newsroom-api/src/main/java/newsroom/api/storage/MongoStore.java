package newsroom.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The MongoDB database Newsroom uses, and how to describe it in logs and health.
 *
 * @param afterWrite flushes the embedded store's file; does nothing on a real MongoDB
 */
public record MongoStore(MongoClient client, MongoDatabase database, String description, boolean embedded,
                         Runnable afterWrite) {
}
