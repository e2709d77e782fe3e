package newsroom.api.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import newsroom.api.storage.MongoEventStorageEngine;
import newsroom.api.storage.MongoStore;
import newsroom.channel.ChannelDefinition;
import newsroom.governance.ApprovalPolicy;
import newsroom.governance.ApprovalPolicyDefinition;
import newsroom.governance.SigningDelegation;
import newsroom.calendar.BlackoutPeriod;
import newsroom.crisis.CrisisMode;
import newsroom.campaign.Campaign;
import newsroom.people.ApiToken;
import newsroom.people.UserAccount;
import newsroom.story.Story;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: events in {@link MongoEventStorageEngine}, tracking tokens in Axon's Mongo
 * token store, no transactions (the embedded store has none; each commit is one atomic document).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonConfiguration.class);

    /**
     * Events a projection handles in one unit of work. The projections write what a batch changed once,
     * at its end (see {@code projection.ProjectionBatch}); a processor that is up to date still handles
     * each event as soon as it arrives, because a batch takes only the events already available.
     */
    static final int BATCH_SIZE = 100;
    /** Recent events the event store keeps in memory for the processors that keep up. */
    static final int CACHED_EVENTS = 1_000;

    /**
     * Events are facts stored for years, so they get their own JSON mapping that web settings cannot
     * change: ISO-8601 instants, unknown properties tolerated (new fields can be added).
     */
    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(MongoStore store, Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .database(store.database())
                .durability(store.durability())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /**
     * Axon's event store as its auto-configuration makes it, with a smaller cache of recent events: the processors
     * that keep up read new events from it instead of from the store each. Axon keeps 10,000, which is minutes of
     * events at 50 commands a second and tens of MB of a 256 MB heap (each event kept serialised and, once a
     * processor read it, deserialised); 1,000 is still 15 s of lag at that rate.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoStore store, Serializer serializer) {
        if (store.embedded()) {
            // One process owns the embedded store (its file is locked while open): the claims of a process that
            // died are released, so its processors go on at once instead of after Axon's claim timeout (10 s),
            // which after a crash left the read models behind the events for that long
            long released = store.database().getCollection("trackingtokens")
                    .updateMany(Filters.ne("owner", null), Updates.set("owner", null)).getModifiedCount();
            if (released > 0) {
                log.info("Released {} projection claims left by the last stop", released);
            }
        }
        return new NoOpTolerantTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database()).build())
                .serializer(serializer)
                // Axon's default is "pid@host": unique per process, but two servers in one JVM (a test of
                // several instances) would take each other's claims for their own
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build());
    }

    @Bean
    TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    @Bean
    ApprovalPolicy approvalPolicy() {
        return ApprovalPolicy.standard();
    }

    @Bean
    CorrelationDataProvider usernameCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.USERNAME);
    }

    /**
     * Puts the causing command's id on each event as {@code correlationId}. Axon only registers this
     * provider when no other is declared, so with {@link #usernameCorrelation()} it must be declared here.
     */
    @Bean
    CorrelationDataProvider correlationIdProvider() {
        return new MessageOriginProvider();
    }

    /**
     * The aggregates live in the framework-free core, so they are registered here rather than by a
     * Spring annotation. No lock: two commands on one story race, and the store's unique commit key lets
     * exactly one win; the other is reported as a conflict instead of waiting and overwriting.
     */
    @Bean
    ConfigurerModule aggregates() {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Story.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Campaign.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(BlackoutPeriod.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(UserAccount.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ChannelDefinition.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ApprovalPolicyDefinition.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SigningDelegation.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ApiToken.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CrisisMode.class)
                    .configureLockFactory(config -> NullLockFactory.INSTANCE));
            configurer.eventProcessing(processing -> processing.usingTrackingEventProcessors()
                    // a failing projection retries the event (with back-off) instead of skipping it
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                    .registerTrackingEventProcessorConfiguration(config ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(BATCH_SIZE)));
        };
    }
}
