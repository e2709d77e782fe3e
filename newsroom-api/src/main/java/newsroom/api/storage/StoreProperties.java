package newsroom.api.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Newsroom keeps its events, tokens and read models.
 *
 * @param uri           a MongoDB connection string ({@code NEWSROOM_MONGODB_URI}); empty for the embedded store
 * @param database      the database used when the URI names none
 * @param dataDir       where the embedded store keeps its file
 * @param cacheSizeMb   the embedded store's page cache in MB
 * @param fillRate      the embedded store compacts its file while less than this percentage of it is live data
 * @param compactOnStop how long a clean stop may spend compacting the embedded store's file
 */
@ConfigurationProperties(prefix = "newsroom.mongodb")
public record StoreProperties(String uri, String database, Path dataDir, Integer cacheSizeMb, Integer fillRate,
                              Duration compactOnStop) {

    public StoreProperties {
        database = database == null || database.isBlank() ? "newsroom" : database;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        cacheSizeMb = cacheSizeMb == null ? EmbeddedStoreSettings.DEFAULT_CACHE_SIZE_MB : cacheSizeMb;
        fillRate = fillRate == null ? EmbeddedStoreSettings.DEFAULT_FILL_RATE : fillRate;
        compactOnStop = compactOnStop == null ? EmbeddedStoreSettings.DEFAULT_COMPACT_ON_STOP : compactOnStop;
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }

    public EmbeddedStoreSettings embeddedSettings() {
        EmbeddedStoreSettings defaults = EmbeddedStoreSettings.defaults();
        return new EmbeddedStoreSettings(cacheSizeMb, fillRate, compactOnStop, defaults.flushInterval(),
                defaults.compactionPeriod(), defaults.retention());
    }
}
