package newsroom.api.storage;

import java.util.Map;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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
        return properties.embedded() ? EmbeddedMongoServer.start(properties.dataDir()) : null;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties properties, @Nullable EmbeddedMongoServer embedded) {
        String uri = embedded != null ? embedded.connectionString() : properties.uri();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // an acknowledged command is on the majority of a replica set's members, journaled
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
        Runnable afterWrite = embedded != null ? embedded::flush : () -> { };
        return new MongoStore(client, database, description, embedded != null, afterWrite);
    }

    @Bean
    HealthIndicator storeHealthIndicator(MongoStore store) {
        return () -> {
            try {
                Document pong = store.database().runCommand(new Document("ping", 1));
                return Health.up()
                        .withDetails(Map.of("store", store.embedded() ? "embedded" : "mongodb",
                                "description", store.description(), "ping", pong.get("ok")))
                        .build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("store", store.description())
                        .withDetail("error", e.getClass().getSimpleName()).build();
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
