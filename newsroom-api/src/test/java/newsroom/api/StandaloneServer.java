package newsroom.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For tests that start and stop the server themselves (restarts, first starts) on a store of their own: a fresh
 * store's properties, starting the application with them, and removing the store afterwards.
 */
public final class StandaloneServer {

    private StandaloneServer() {
    }

    /**
     * Properties for a fresh store on a random port: a new database on the test MongoDB when
     * {@code NEWSROOM_TEST_MONGODB_URI} is set, otherwise a new embedded store directory.
     */
    public static Map<String, Object> freshStore() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        String database = TestStore.uniqueDatabaseName();
        TestStore.externalUri().ifPresentOrElse(uri -> {
            properties.put("newsroom.mongodb.uri", TestStore.withDatabase(uri, database));
            properties.put("newsroom.mongodb.database", database);
        }, () -> {
            properties.put("newsroom.mongodb.uri", "");
            properties.put("newsroom.mongodb.data-dir", TestStore.freshDataDir().toString());
        });
        return properties;
    }

    /**
     * Starts the application with the properties as command-line arguments: builder properties are only
     * defaults, which application.yml would override.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... profiles) {
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NewsroomApplication.class).profiles(profiles).run(args);
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Deletes the store the properties name. */
    public static void remove(Map<String, Object> store) {
        if (store.containsKey("newsroom.mongodb.data-dir")) {
            try (Stream<Path> files = Files.walk(Path.of((String) store.get("newsroom.mongodb.data-dir")))) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (MongoClient client = MongoClients.create((String) store.get("newsroom.mongodb.uri"))) {
                client.getDatabase((String) store.get("newsroom.mongodb.database")).drop();
            }
        }
    }
}
