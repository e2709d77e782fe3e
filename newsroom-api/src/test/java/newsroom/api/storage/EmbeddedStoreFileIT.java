package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.TestStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's file stays bounded under the write pattern of the server (a commit, the read models
 * it changes, the tracking tokens), and shrinks back from its peak by compaction while serving and when it
 * is closed, keeping every document.
 */
class EmbeddedStoreFileIT {

    private static final int WRITERS = 8;
    private static final int COMMANDS_PER_WRITER = 480;
    private static final int COMMANDS = WRITERS * COMMANDS_PER_WRITER;
    private static final int COMMANDS_PER_STORY = 8;
    /**
     * Each writer's pace: the run lasts about 8 s, eight compaction periods, on any machine. Unpaced, a quiet
     * machine wrote everything in 2.5 s, within the retention and a period or two, so the peak measured how
     * fast the machine was, not whether compaction keeps the file bounded while serving.
     */
    private static final Duration PER_COMMAND = Duration.ofMillis(16);

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    /** A story event as the server stores it: title, angle, a body of a few hundred characters. */
    record PlacementPlanned(String storyId, String placementId, String channelId, Instant slot, String text,
                            String angle) {
    }

    @Test
    void theFileStaysBoundedWhileServingAndShrinksWhenClosed() throws Exception {
        Path dataDir = TestStore.freshDataDir();
        // compaction as in production, with a short retention so that a test of seconds sees it work
        EmbeddedStoreSettings settings = new EmbeddedStoreSettings(16, EmbeddedStoreSettings.DEFAULT_FILL_RATE,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1));
        long largestWhileServing;
        long beforeClose;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, settings);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                    .durability(server.durability()).eventSerializer(serializer).snapshotSerializer(serializer).build();
            AtomicLong largest = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    for (int c = 0; c < COMMANDS_PER_WRITER; c++) {
                        awaitTurn(start, c);
                        command(engine, database, writer, c);
                        if (c > COMMANDS_PER_WRITER / 2) {
                            largest.accumulateAndGet(server.fileSize(), Math::max);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            largestWhileServing = largest.get();
            beforeClose = server.fileSize();
        }
        long afterClose = EmbeddedMongoServer.filesSize(dataDir);
        System.out.printf("store file: largest while serving %d KB (%.1f KB per command), at the end %d KB, "
                        + "after close %d KB (%.1f KB per command)%n", largestWhileServing / 1024,
                largestWhileServing / 1024.0 / COMMANDS, beforeClose / 1024, afterClose / 1024,
                afterClose / 1024.0 / COMMANDS);

        // without compaction the file grew by 17 to 85 KB per command
        assertThat(largestWhileServing / COMMANDS).as("bytes per command while serving").isLessThan(8 * 1024);
        // compaction while serving or, if the file is still sparse then, on close: which one does most of it
        // depends on how fast the machine is, so the file is compared with its peak
        assertThat(afterClose).as("the file shrinks back from its peak").isLessThan(largestWhileServing / 2);
        assertThat(afterClose).as("closing never grows the file").isLessThanOrEqualTo(beforeClose);
        assertThat(afterClose / COMMANDS).as("bytes per command after compaction").isLessThan(1536);

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDir, settings);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            assertThat(database.getCollection(MongoEventStorageEngine.COLLECTION).countDocuments()).isEqualTo(COMMANDS);
            assertThat(database.getCollection("stories").countDocuments()).isEqualTo(COMMANDS / COMMANDS_PER_STORY);
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            assertThat(engine.readEvents(storyId(3, 17)).asStream().count()).isEqualTo(COMMANDS_PER_STORY);
        }
    }

    /** What the server writes for one command: its commit, then (as the projections do) the read models and tokens. */
    private void command(MongoEventStorageEngine engine, MongoDatabase database, int writer, int command) {
        int story = command / COMMANDS_PER_STORY;
        long seq = command % COMMANDS_PER_STORY;
        String storyId = storyId(writer, story);
        Instant slot = Instant.parse("2027-01-01T09:00:00Z").plus(Duration.ofDays((writer * 61L + story) % 730));
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Story", storyId, seq, new PlacementPlanned(
                storyId, "p" + seq, "linkedin", slot, "Meet the apprentices who built the robot cell " + command,
                "Young talent shapes our factory: " + "a story worth telling to everyone who wants to know ".repeat(6)))));
        Document view = new Document("_id", storyId).append("title", "Apprentices build the robot cell " + story)
                .append("body", "Draft text of the story, a few paragraphs long. ".repeat(12)).append("version", seq)
                .append("placements", List.of(new Document("placementId", "p" + seq).append("slot", slot.toString())
                        .append("text", "Meet the apprentices " + command)));
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        database.getCollection("stories").replaceOne(Filters.eq("_id", storyId), view, upsert);
        database.getCollection("calendar_stories").replaceOne(Filters.eq("_id", storyId), view, upsert);
        String day = slot.toString().substring(0, 10);
        database.getCollection("calendar_days").replaceOne(Filters.eq("_id", day),
                new Document("_id", day).append("entries", List.of(view)), upsert);
        for (String processor : List.of("stories", "calendar", "notifications", "live")) {
            database.getCollection("trackingtokens").replaceOne(Filters.eq("_id", processor),
                    new Document("_id", processor).append("token", command), upsert);
        }
    }

    /** Waits until the writer's c-th command is due at its pace; a writer that fell behind goes on at once. */
    private static void awaitTurn(long start, int c) throws InterruptedException {
        long dueInNanos = start + c * PER_COMMAND.toNanos() - System.nanoTime();
        if (dueInNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(dueInNanos);
        }
    }

    private static String storyId(int writer, int story) {
        return "story-" + writer + "-" + story;
    }
}
