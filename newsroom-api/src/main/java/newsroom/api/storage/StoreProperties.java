package newsroom.api.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Newsroom keeps its events, tokens and read models.
 *
 * @param uri      a MongoDB connection string ({@code NEWSROOM_MONGODB_URI}); empty for the embedded store
 * @param database the database used when the URI names none
 * @param dataDir  where the embedded store keeps its file
 */
@ConfigurationProperties(prefix = "newsroom.mongodb")
public record StoreProperties(String uri, String database, Path dataDir) {

    public StoreProperties {
        database = database == null || database.isBlank() ? "newsroom" : database;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
