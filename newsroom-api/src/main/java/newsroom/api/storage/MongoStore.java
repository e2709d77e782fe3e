package newsroom.api.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The MongoDB database Newsroom uses, and how to describe it in logs and health.
 *
 * @param durability call after writes that are about to be acknowledged (an answer, a token handed out):
 *                   it returns once they are durable. Writes nobody is told about (read models, tracking
 *                   tokens) need not call it: they are rebuilt from the events if a crash loses them.
 */
public record MongoStore(MongoClient client, MongoDatabase database, String description, boolean embedded,
                         Durability durability) {
}
