package newsroom.api.security;

import newsroom.api.storage.MongoStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Browser sessions in the newsroom's own MongoDB database, collection {@code sessions}: Spring Session's MongoDB
 * module (auto-configured by Spring Boot) needs Spring Data's {@code MongoTemplate}, which is given the server's one
 * client and database here. Nothing else uses Spring Data; the rest of the server talks to the driver directly.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    MongoDatabaseFactory sessionDatabase(MongoStore store) {
        return new SimpleMongoClientDatabaseFactory(store.client(), store.database().getName());
    }

    @Bean
    MongoTemplate sessionMongoTemplate(MongoDatabaseFactory sessionDatabase) {
        return new MongoTemplate(sessionDatabase);
    }
}
