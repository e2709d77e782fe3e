package newsroom.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.ConnectionString;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the integration tests keep their data: a real MongoDB when {@code NEWSROOM_TEST_MONGODB_URI} is set
 * (each run in a database of its own, so runs never collide), otherwise the embedded file-backed store in a
 * fresh temporary directory.
 */
public final class TestStore {

    public static final String ENV = "NEWSROOM_TEST_MONGODB_URI";

    /** One store per JVM, so every test class that shares the Spring context also shares its properties. */
    private static final String DATABASE = uniqueDatabaseName();
    private static final Path DATA_DIR = freshDataDir();

    private TestStore() {
    }

    /**
     * The MongoDB to test against, if one is configured. Failsafe passes the variable through even when it is
     * unset (as an empty value), so blank, like an unresolved {@code ${...}} placeholder, means none.
     */
    public static Optional<String> externalUri() {
        String uri = System.getenv(ENV);
        if (uri == null || uri.isBlank() || uri.startsWith("${")) {
            return Optional.empty();
        }
        return Optional.of(uri.strip());
    }

    public static String uniqueDatabaseName() {
        return "newsroom_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A new empty directory for an embedded store, under Maven's {@code target} so a clean build removes it. */
    public static Path freshDataDir() {
        try {
            Path target = Path.of("target");
            Path parent = Files.isDirectory(target) ? target.resolve("it-stores")
                    : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "newsroom-it-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The connection string with its database replaced: the application prefers a database named in the URI
     * over {@code newsroom.mongodb.database}, so a test database must be put into the URI itself. A database
     * named in the URI is also the default authentication database, so it is kept as {@code authSource}.
     */
    public static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://") + 3;
        int queryStart = uri.indexOf('?', hostsStart);
        String beforeQuery = queryStart < 0 ? uri : uri.substring(0, queryStart);
        String options = queryStart < 0 ? "" : uri.substring(queryStart + 1);
        int slash = beforeQuery.indexOf('/', hostsStart);
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String named = slash < 0 ? "" : beforeQuery.substring(slash + 1);
        if (!named.isEmpty() && new ConnectionString(uri).getCredential() != null && !options.contains("authSource=")) {
            options = (options.isEmpty() ? "" : options + "&") + "authSource=" + named;
        }
        return hosts + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    /** The store properties of the shared test application. */
    public static void register(DynamicPropertyRegistry registry) {
        Optional<String> uri = externalUri();
        if (uri.isPresent()) {
            registry.add("newsroom.mongodb.uri", () -> withDatabase(uri.get(), DATABASE));
            registry.add("newsroom.mongodb.database", () -> DATABASE);
        } else {
            registry.add("newsroom.mongodb.uri", () -> "");
            registry.add("newsroom.mongodb.data-dir", DATA_DIR::toString);
        }
    }
}
