package newsroom.api.storage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import newsroom.api.ServerProcess;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Our event storage engine and the Axon Mongo extension's ({@code DocumentPerEventStorageStrategy}) side by
 * side on the same embedded store: appends with 1, 4 and 16 writers (ours with every acknowledged commit
 * durable: group commit and fsync; the extension's with no flush at all, and with each write journaled, which
 * the embedded server answers once a group flush made it durable; ours without a flush for reference), tracking reads at 10,000 and {@code benchmark.events} (100,000) events, loading a story of 50
 * commits, whether a commit that lands late is skipped, and the store file per event. Not a test: run it with
 * {@code ./mvnw -B -Pbenchmark verify -Dit.test=StorageBenchmark}. Bounded in count and time.
 */
class StorageBenchmark {

    private static final int APPENDS = Integer.getInteger("benchmark.appends", 10_000);
    private static final int WARM_UP_ROUNDS = Integer.getInteger("benchmark.warmUpRounds", 6);
    private static final Duration APPEND_TIME_LIMIT = Duration.ofSeconds(30);
    private static final Duration EXTENSION_READ_LIMIT = Duration.ofSeconds(20);
    private static final int STORY_COMMITS = 50;

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    /** A story event about as large as the server's (a placement with its text). */
    record PlacementPlanned(String storyId, String placementId, String channelId, Instant slot, String text) {
    }

    @Test
    void eventStorageEnginesSideBySide() throws Exception {
        int events = Integer.getInteger("benchmark.events", 100_000);
        Path root = Files.createTempDirectory("newsroom-storage-benchmark");
        System.out.printf("%n=== Event storage on the embedded store (%d appends per run, %d cores, load average %s) ===%n",
                APPENDS, Runtime.getRuntime().availableProcessors(), ServerProcess.loadAverage());
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        appends(root.resolve("appends"));
        System.out.printf("(the appends above: %.1f s wall, %.1f s CPU time of this process; load average now %s)%n",
                (System.nanoTime() - wallBefore) / 1e9, (processCpuNanos() - cpuBefore) / 1e9, ServerProcess.loadAverage());
        ours(root.resolve("ours"), events);
        extension(root.resolve("extension"));
    }

    private void appends(Path dataDir) throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            String[] names = {"ours, durable (group commit + fsync)", "ours, no flush", "extension, no flush",
                "extension, each write journaled (j: true)"};
            // The JIT compiles both engines' paths first. It takes rounds, not one: in 12 interleaved rounds of
            // 10,000 appends at 16 writers, each engine's rate still rose until about the sixth (the unflushed
            // extension from 17k to 40k/s). The journaled extension shares the unflushed one's path and is slow.
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (int engine = 0; engine < names.length; engine++) {
                    if (engine == 3 && round > 0) {
                        continue;
                    }
                    MongoDatabase database = client.getDatabase("warm_up_" + round + "_" + engine);
                    append(engine(engine, database, server), 16, APPENDS, "warm-up-" + round);
                }
            }
            System.out.printf("%-44s %10s %10s %10s%n", "appends/s (one event per commit)", "1 writer", "4 writers",
                    "16 writers");
            StringBuilder flushes = new StringBuilder(String.format("%-44s", "  its flushes: commits each, ms write+sync"));
            double[] cpuAt16 = new double[names.length];
            double[] rateAt16 = new double[names.length];
            for (int engine = 0; engine < names.length; engine++) {
                StringBuilder row = new StringBuilder(String.format("%-44s", names[engine]));
                StringBuilder cpu = new StringBuilder(String.format("%-44s", "  CPU of this process per append, µs"));
                for (int writers : new int[] {1, 4, 16}) {
                    MongoDatabase database = client.getDatabase("appends_" + engine + "_" + writers);
                    EventStorageEngine storage = engine(engine, database, server);
                    EmbeddedMongoServer.FlushStatistics before = server.flushStatistics();
                    Appended appended = append(storage, writers, APPENDS, "w" + writers);
                    row.append(String.format(" %10.0f", appended.perSecond()));
                    cpu.append(String.format(" %10.0f", appended.cpuMicrosPerCommit()));
                    cpuAt16[engine] = appended.cpuMicrosPerCommit();
                    rateAt16[engine] = appended.perSecond();
                    if (engine == 0) {
                        flushes.append(String.format(" %10s", flushCost(appended.commits(), before,
                                server.flushStatistics())));
                    }
                }
                System.out.println(row);
                System.out.println(cpu);
                if (engine == 0) {
                    System.out.println(flushes);
                }
            }
            // the writers, the server and the flushes share this machine's cores: CPU per append bounds the rate
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("at 16 writers, %d cores busy all the time would allow at most: ours durable %.0f/s, "
                    + "ours without a flush %.0f/s, the extension %.0f/s (journaled %.0f/s)%n", cores,
                    cores * 1e6 / cpuAt16[0], cores * 1e6 / cpuAt16[1], cores * 1e6 / cpuAt16[2], cores * 1e6 / cpuAt16[3]);
            System.out.printf("ours durable at 16 writers: %.1f× the extension without a flush, %.1f× the extension "
                    + "journaled%n", rateAt16[0] / rateAt16[2], rateAt16[0] / rateAt16[3]);
        }
    }

    /** The engines of the append rows, in their order. */
    private EventStorageEngine engine(int engine, MongoDatabase database, EmbeddedMongoServer server) {
        return switch (engine) {
            case 0 -> ours(database, server.durability());
            case 1 -> ours(database, Durability.WRITE_CONCERN);
            case 2 -> extension(database);
            // the server answers each write once a flush made it durable, sharing flushes as ours do
            default -> extension(database.withWriteConcern(WriteConcern.JOURNALED));
        };
    }

    /**
     * What bounds durable appends: how many commits shared a flush, and what a flush cost (writing the changed
     * pages, then the disk's sync). A writer waits for both, so W writers make at most W commits per flush time.
     */
    private static String flushCost(long commits, EmbeddedMongoServer.FlushStatistics before,
                                    EmbeddedMongoServer.FlushStatistics after) {
        long flushes = Math.max(1, after.flushes() - before.flushes());
        return String.format("%.1f,%.1f+%.1f", (double) commits / flushes,
                (after.commitNanos() - before.commitNanos()) / 1e6 / flushes,
                (after.syncNanos() - before.syncNanos()) / 1e6 / flushes);
    }

    private void ours(Path dataDir, int events) throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            MongoEventStorageEngine engine = ours(database, server.durability());
            fill(engine, 10_000, 0);
            readAll(engine, null); // warms up the read path
            System.out.printf("ours: tracking read of 10,000 events: %.0f events/s%n", readAll(engine, null));
            fill(engine, events - 10_000, 10_000);
            TrackingToken last10k = engine.readEvents(null, false).skip(events - 10_000L).findFirst()
                    .map(TrackedEventMessage::trackingToken).orElseThrow();
            System.out.printf("ours: tracking read of %,d events: %.0f events/s (the last 10,000 alone: %.0f events/s)%n",
                    events, readAll(engine, null), readAll(engine, last10k));
            loadStory(engine, "ours, " + events + " events in the store");
            System.out.printf("ours: a commit written 2 s after a later one was read: %s%n", lateCommit(engine, database));
            System.out.printf("ours: store file with %,d events (no read models): %.2f KB per event while serving%n",
                    events, server.fileSize() / 1024.0 / events);
        }
        System.out.printf("ours: store file after a clean stop: %.2f KB per event%n",
                EmbeddedMongoServer.filesSize(dataDir) / 1024.0 / events);
    }

    private void extension(Path dataDir) throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            EventStorageEngine engine = extension(database);
            fill(engine, 10_000, 0);
            System.out.printf("extension: tracking read of 10,000 events: %.0f events/s (reading stopped after %d s)%n",
                    readAll(engine, null), EXTENSION_READ_LIMIT.toSeconds());
            loadStory(engine, "extension, 10,000 events in the store");
            System.out.printf("extension: an event written 2 s after a later one was read: %s%n", lateEvent(engine));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private MongoEventStorageEngine ours(MongoDatabase database, Durability durability) {
        return MongoEventStorageEngine.builder().database(database).durability(durability)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private EventStorageEngine extension(MongoDatabase database) {
        org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine engine =
                org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                        .eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Commits appended in a time, and the CPU time the whole process spent meanwhile (writers, server, flushes,
     * collector and compiler alike).
     */
    private record Appended(long commits, double seconds, long cpuNanos) {

        double perSecond() {
            return commits / seconds;
        }

        double cpuMicrosPerCommit() {
            return cpuNanos / 1e3 / commits;
        }
    }

    /** Appends {@code total} commits of one event from {@code writers} threads (at most for the time limit). */
    private Appended append(EventStorageEngine engine, int writers, int total, String prefix) throws Exception {
        AtomicInteger done = new AtomicInteger();
        long cpuBefore = processCpuNanos();
        long deadline = System.nanoTime() + APPEND_TIME_LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(pool.submit(() -> {
                for (int i = 0; i < total / writers && System.nanoTime() < deadline; i++) {
                    engine.appendEvents(event(prefix + "-" + writer + "-" + i / 10, i % 10, i));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> writer : running) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return new Appended(done.get(), (System.nanoTime() - start) / 1e9, processCpuNanos() - cpuBefore);
    }

    /** Appends {@code count} events from 16 writers, in commits of one event and, every fourth, two. */
    private void fill(EventStorageEngine engine, int count, int offset) throws Exception {
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(pool.submit(() -> {
                int appended = 0;
                for (int story = 0; appended < count / writers; story++) {
                    String storyId = "fill-" + offset + "-" + writer + "-" + story;
                    for (int seq = 0; seq < 10 && appended < count / writers; ) {
                        boolean two = seq % 4 == 3 && appended + 2 <= count / writers;
                        List<EventMessage<?>> commit = new ArrayList<>();
                        commit.add(event(storyId, seq, seq).get(0));
                        if (two) {
                            commit.add(event(storyId, seq + 1, seq + 1).get(0));
                        }
                        engine.appendEvents(commit);
                        seq += commit.size();
                        appended += commit.size();
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : running) {
            writer.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    /** Reads the stream after {@code from} (from the start for null) to its end; returns events per second. */
    private double readAll(EventStorageEngine engine, TrackingToken from) {
        long deadline = System.nanoTime() + EXTENSION_READ_LIMIT.toNanos();
        long start = System.nanoTime();
        long count;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            count = stream.takeWhile(event -> System.nanoTime() < deadline)
                    .filter(event -> event.getIdentifier() != null && event.trackingToken() != null).count();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void loadStory(EventStorageEngine engine, String label) {
        String storyId = "story-of-" + STORY_COMMITS + "-" + UUID.randomUUID();
        for (int seq = 0; seq < STORY_COMMITS; seq++) {
            engine.appendEvents(event(storyId, seq, seq));
        }
        for (int warmUp = 0; warmUp < 50; warmUp++) {
            engine.readEvents(storyId).asStream().count();
        }
        // about a second of reads: a compaction step or a collection in the background then moves the p99 only
        long[] nanos = new long[1_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            long loaded = engine.readEvents(storyId).asStream().count();
            nanos[i] = System.nanoTime() - start;
            if (loaded != STORY_COMMITS) {
                throw new IllegalStateException("loaded " + loaded + " of " + STORY_COMMITS + " events");
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%s: loading a story of %d commits: p50 %.2f ms, p99 %.2f ms%n", label, STORY_COMMITS,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    /**
     * A writer took commit number N+1, but its write lands 2 s after N+2 was written and read (as another node,
     * or a stalled thread, would): does a tracker that read N+2 ever deliver N+1?
     */
    private String lateCommit(MongoEventStorageEngine engine, MongoDatabase database) throws InterruptedException {
        MongoCollection<Document> commits = database.getCollection(MongoEventStorageEngine.COLLECTION);
        long head = engine.headCommitNumber();
        Document template = commits.find(Filters.eq("_id", head)).first();
        TrackingToken before = engine.createHeadToken();
        commits.insertOne(copyOf(template, head + 2, "later"));
        long seenBefore = engine.readEvents(before, false).count();
        Thread.sleep(2_000);
        commits.insertOne(copyOf(template, head + 1, "late"));
        List<String> seen = engine.readEvents(before, false)
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).toList();
        boolean delivered = seenBefore == 0 && seen.equals(List.of("late", "later"));
        return delivered ? "not skipped (the tracker waited for it, then delivered both in order)"
                : "SKIPPED or out of order: " + seen;
    }

    /**
     * The same for the extension, which tracks by timestamp: an event stamped when its command started, whose
     * write lands 2 s after a later event was written and read.
     */
    private String lateEvent(EventStorageEngine engine) throws InterruptedException {
        TrackingToken before = engine.createHeadToken();
        Instant lateStamp = Instant.now();
        Thread.sleep(2_000);
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Story", "later", 0, payload("later", 0),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now())));
        TrackingToken afterLater = engine.readEvents(before, false).reduce((a, b) -> b)
                .map(TrackedEventMessage::trackingToken).orElseThrow();
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Story", "late", 0, payload("late", 0),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), lateStamp)));
        boolean delivered = engine.readEvents(afterLater, false)
                .anyMatch(event -> "late".equals(((DomainEventMessage<?>) event).getAggregateIdentifier()));
        return delivered ? "delivered" : "SKIPPED (the tracker never delivers it)";
    }

    private static Document copyOf(Document template, long number, String aggregate) {
        List<Document> events = new ArrayList<>();
        for (Document entry : template.getList("events", Document.class)) {
            events.add(new Document(entry).append("eventId", UUID.randomUUID().toString()).append("seq", 0L));
        }
        return new Document(template).append("_id", number).append("aggregateId", aggregate)
                .append("firstSeq", 0L).append("lastSeq", 0L).append("aggregateKey", aggregate + "#0")
                .append("events", events);
    }

    private static List<DomainEventMessage<?>> event(String storyId, long seq, int n) {
        return List.of(new GenericDomainEventMessage<>("Story", storyId, seq, payload(storyId, n),
                MetaData.with("username", "eddie").and("correlationId", UUID.randomUUID().toString())
                        .and("traceId", UUID.randomUUID().toString())));
    }

    private static PlacementPlanned payload(String storyId, int n) {
        return new PlacementPlanned(storyId, "linkedin-" + n, "linkedin",
                Instant.parse("2027-03-04T09:00:00Z").plusSeconds(3_600L * n),
                "Meet the apprentices who built the new plant's robot cell, part " + n
                        + ": how a team of twelve learned welding, programming and safety in one year.");
    }
}
