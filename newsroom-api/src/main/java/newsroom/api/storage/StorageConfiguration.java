package newsroom.api.storage;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

/** Connects to the configured MongoDB, or starts the embedded one, and says which in the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        return properties.embedded()
                ? EmbeddedMongoServer.start(properties.dataDir(), properties.embeddedSettings())
                : null;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties properties, @Nullable EmbeddedMongoServer embedded) {
        String uri = embedded != null ? embedded.connectionString() : properties.uri();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // an acknowledged command is on the majority of a replica set's members, journaled; the
                // embedded store makes writes durable by group commit instead (EmbeddedMongoServer)
                .writeConcern(embedded != null ? WriteConcern.ACKNOWLEDGED : WriteConcern.MAJORITY.withJournal(true))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoStore mongoStore(StoreProperties properties, MongoClient client, @Nullable EmbeddedMongoServer embedded) {
        String databaseName = properties.database();
        if (embedded == null) {
            String named = new ConnectionString(properties.uri()).getDatabase();
            databaseName = named != null && !named.isBlank() ? named : databaseName;
        }
        MongoDatabase database = client.getDatabase(databaseName);
        String description = embedded != null
                ? "embedded MongoDB-wire server, file " + embedded.file() + ", database '" + databaseName + "'"
                : "MongoDB at " + redact(properties.uri()) + ", database '" + databaseName + "'";
        log.info("Newsroom store: {}", description);
        Durability durability = embedded != null ? embedded.durability() : Durability.WRITE_CONCERN;
        return new MongoStore(client, database, description, embedded != null, durability);
    }

    @Bean
    StoreFailures storeFailures(@Nullable EmbeddedMongoServer embedded) {
        return new StoreFailures(embedded != null ? embedded::failure : Optional::empty);
    }

    /**
     * DOWN when the store cannot take writes: the embedded store's file refused one (or can no longer be
     * written), or MongoDB does not answer.
     */
    @Bean
    HealthIndicator storeHealthIndicator(MongoStore store, @Nullable EmbeddedMongoServer embedded,
                                         StoreFailures failures) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("store", store.embedded() ? "embedded" : "mongodb");
            details.put("description", store.description());
            if (embedded != null) {
                Optional<Throwable> failure = failures.embeddedFailure();
                if (failure.isPresent()) {
                    details.put("error", "the store file refused a write: " + failure.get().getMessage());
                    return Health.down().withDetails(details).build();
                }
                if (!Files.isWritable(embedded.file())) {
                    details.put("error", "the store file cannot be written");
                    return Health.down().withDetails(details).build();
                }
                details.put("fileSizeBytes", embedded.fileSize());
            }
            try {
                Document pong = store.database().runCommand(new Document("ping", 1));
                details.put("ping", pong.get("ok"));
                return Health.up().withDetails(details).build();
            } catch (RuntimeException e) {
                details.put("error", e.getClass().getSimpleName());
                return Health.down().withDetails(details).build();
            }
        };
    }

    /** Hides the password of a connection string before it is logged. */
    static String redact(String uri) {
        ConnectionString parsed = new ConnectionString(uri);
        if (parsed.getPassword() == null) {
            return uri;
        }
        return uri.replaceFirst("://([^:/@]+):[^@]*@", "://$1:****@");
    }
}
