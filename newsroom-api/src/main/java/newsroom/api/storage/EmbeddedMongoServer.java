package newsroom.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The in-process MongoDB-wire-protocol server used when no MongoDB URI is configured. It keeps its data
 * in one H2 MVStore file, so a restart keeps every story. It listens on loopback only.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongoServer(Path file) {
        this.file = file;
        this.backend = new H2Backend(file.toString());
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongoServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        return new EmbeddedMongoServer(dataDir.resolve("newsroom.mv").toAbsolutePath());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Writes pending changes to the file, so an acknowledged write survives a crash of the process. */
    public void flush() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
