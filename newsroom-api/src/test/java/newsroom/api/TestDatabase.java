package newsroom.api;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;

/**
 * A fresh database for a test that needs MongoDB but not the server: on the MongoDB of
 * {@link TestStore#ENV} when one is configured, else on an in-memory wire-protocol server on loopback.
 * Dropped (and the server stopped) on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    public TestDatabase() {
        MongoServer started = null;
        String uri = TestStore.externalUri().orElse(null);
        if (uri == null) {
            started = new MongoServer(new MemoryBackend());
            started.bind("127.0.0.1", 0);
            uri = "mongodb://127.0.0.1:" + started.getLocalAddress().getPort();
        }
        this.server = started;
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase(TestStore.uniqueDatabaseName());
    }

    public MongoDatabase database() {
        return database;
    }

    /** The store as the read models see it, with writes durable by the write concern. */
    public MongoStore store() {
        return new MongoStore(client, database, "test database", false, Durability.WRITE_CONCERN);
    }

    @Override
    public void close() {
        database.drop();
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
