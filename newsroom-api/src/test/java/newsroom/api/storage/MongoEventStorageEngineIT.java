package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import newsroom.api.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commit-per-document event storage engine against a MongoDB-wire server: the embedded file-backed one
 * (with its group commit), or the MongoDB of {@code NEWSROOM_TEST_MONGODB_URI} (a fresh database per test
 * either way). No Spring.
 */
class MongoEventStorageEngineIT {

    private static final String TYPE = "Thing";

    private static EmbeddedMongoServer server;
    private static MongoClient client;

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();
    private MongoDatabase database;
    private MongoCollection<Document> commits;
    private MongoEventStorageEngine engine;

    /** A test payload. */
    record Noted(String text, Instant at) {
    }

    @BeforeAll
    static void connect() {
        String uri = TestStore.externalUri().orElseGet(() -> {
            server = EmbeddedMongoServer.start(TestStore.freshDataDir());
            return server.connectionString();
        });
        client = MongoClients.create(uri);
    }

    @AfterAll
    static void disconnect() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase(TestStore.uniqueDatabaseName());
        commits = database.getCollection(MongoEventStorageEngine.COLLECTION);
        engine = newEngine();
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void theEventsOfOneAppendAreOneCommitAndAreReadBackInOrder() {
        engine.appendEvents(List.of(event("a", 0, "pitched"), event("a", 1, "accepted"), event("a", 2, "planned")));
        engine.appendEvents(List.of(event("b", 0, "other story")));
        engine.appendEvents(List.of(event("a", 3, "submitted")));

        assertThat(commits.countDocuments()).isEqualTo(3);
        List<Document> ofA = commits.find(Filters.eq("aggregateId", "a")).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
        assertThat(ofA).hasSize(2);
        assertThat(ofA.get(0).getList("events", Document.class)).hasSize(3);
        assertThat(ofA.get(0).get("_id")).isEqualTo(0L);
        assertThat(ofA.get(0).getLong("firstSeq")).isZero();
        assertThat(ofA.get(0).getLong("lastSeq")).isEqualTo(2);
        assertThat(ofA.get(1).get("_id")).isEqualTo(2L);
        assertThat(ofA.get(1).getList("events", Document.class)).hasSize(1);

        assertThat(texts(engine.readEvents("a").asStream().toList()))
                .containsExactly("pitched", "accepted", "planned", "submitted");
        assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(texts(engine.readEvents("a", 2).asStream().toList())).containsExactly("planned", "submitted");
        assertThat(texts(engine.readEvents("b").asStream().toList())).containsExactly("other story");
        assertThat(engine.lastSequenceNumberFor("a")).contains(3L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(engine.readEvents("nobody").hasNext()).isFalse();
    }

    @Test
    void aSecondCommitOnTheSameAggregateVersionIsAConcurrencyConflictAndStoresNothing() {
        engine.appendEvents(List.of(event("a", 0, "pitched"), event("a", 1, "accepted")));
        engine.appendEvents(List.of(event("a", 2, "planned")));
        long documents = commits.countDocuments();

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 2, "rival"), event("a", 3, "rival too"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 0, "created twice"))))
                .isInstanceOf(ConcurrencyException.class);
        // another node that has not seen the commit loses the same way
        assertThatThrownBy(() -> newEngine().appendEvents(List.of(event("a", 2, "rival on another node"))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(commits.countDocuments()).isEqualTo(documents);
        assertThat(texts(engine.readEvents("a").asStream().toList())).containsExactly("pitched", "accepted", "planned");
        // refused commits use up no commit number
        engine.appendEvents(List.of(event("a", 3, "submitted")));
        assertThat(commitNumbers()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void concurrentAppendersOnTwoNodesGetDenseCommitNumbersAndTrackersSeeEveryEventOnce() throws Exception {
        MongoEventStorageEngine[] nodes = {engine, newEngine()};
        int threads = 4;
        int commitsPerThread = 100;
        Set<String> appended = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                start.await();
                Map<String, Long> nextSeq = new HashMap<>();
                for (int c = 0; c < commitsPerThread; c++) {
                    // every other commit continues the aggregate the one before started
                    String aggregate = "t" + thread + "-" + (c / 2);
                    long first = nextSeq.getOrDefault(aggregate, 0L);
                    List<EventMessage<?>> batch = new ArrayList<>();
                    for (int e = 0; e <= c % 3; e++) {
                        DomainEventMessage<?> event = event(aggregate, first + e, aggregate + "/" + (first + e));
                        batch.add(event);
                    }
                    nodes[(thread + c) % 2].appendEvents(batch);
                    batch.forEach(event -> appended.add(event.getIdentifier()));
                    nextSeq.put(aggregate, first + batch.size());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int totalCommits = threads * commitsPerThread;
        assertThat(commitNumbers()).containsExactlyElementsOf(LongStream.range(0, totalCommits).boxed().toList());
        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(tracked).extracting(EventMessage::getIdentifier).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(appended);
        long previous = -1;
        for (TrackedEventMessage<?> event : tracked) {
            long index = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
            assertThat(index).isGreaterThanOrEqualTo(previous);
            previous = index;
        }
        assertThat(previous).isEqualTo(totalCommits - 1);
        for (String aggregate : List.of("t0-0", "t1-17", "t3-49")) {
            List<? extends DomainEventMessage<?>> events = nodes[1].readEvents(aggregate).asStream().toList();
            assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
            assertThat(texts(events)).allMatch(text -> text.startsWith(aggregate + "/"));
        }
    }

    @Test
    void aTrackerWaitsForACommitThatLandsAfterALaterOne() {
        engine.appendEvents(List.of(event("a", 0, "first"), event("a", 1, "second")));
        engine.appendEvents(List.of(event("b", 0, "third")));
        long head = engine.headCommitNumber();
        Document template = commits.find(Filters.eq("_id", head)).first();
        Document late = copy(template, head + 1, "late");
        Document later = copy(template, head + 2, "later");

        commits.insertOne(later);

        List<? extends TrackedEventMessage<?>> fromTail = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(fromTail).hasSize(3);
        assertThat(fromTail).extracting(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())
                .allMatch(index -> index <= head);
        assertThat(engine.readEvents(token(head), false).count()).isZero();

        commits.insertOne(late);

        List<? extends TrackedEventMessage<?>> afterHead = engine.readEvents(token(head), false)
                .collect(Collectors.toList());
        assertThat(afterHead).extracting(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())
                .containsExactly(head + 1, head + 2);
        assertThat(afterHead).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                .containsExactly("late", "later");
        assertThat(engine.readEvents(null, false).count()).isEqualTo(5);
    }

    @Test
    void aStreamOpenedAgainInTheMiddleOfACommitGoesOnWithTheRestOfIt() {
        engine.appendEvents(List.of(event("a", 0, "pitched"), event("a", 1, "accepted"), event("a", 2, "planned")));
        engine.appendEvents(List.of(event("b", 0, "other story")));

        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());

        assertThat(all).extracting(e -> e.trackingToken().position().orElse(-1)).containsExactly(0L, 0L, 0L, 1L);
        assertThat(all.get(2).trackingToken()).isEqualTo(token(0));
        assertThat(texts(engine.readEvents(all.get(0).trackingToken(), false).collect(Collectors.toList())))
                .containsExactly("accepted", "planned", "other story");
        assertThat(texts(engine.readEvents(all.get(1).trackingToken(), false).collect(Collectors.toList())))
                .containsExactly("planned", "other story");
        assertThat(texts(engine.readEvents(all.get(2).trackingToken(), false).collect(Collectors.toList())))
                .containsExactly("other story");
    }

    @Test
    void aPositionInTheMiddleOfACommitCoversWhatCameBeforeItOnly() {
        TrackingToken second = new MidCommitToken(5, 1);

        assertThat(second.covers(token(4))).isTrue();
        assertThat(second.covers(new MidCommitToken(5, 0))).isTrue();
        assertThat(second.covers(second)).isTrue();
        assertThat(second.covers(token(5))).isFalse();
        assertThat(second.covers(new MidCommitToken(5, 2))).isFalse();
        assertThat(token(5).covers(second)).isTrue();
        assertThat(token(4).covers(second)).isFalse();
        assertThat(second.lowerBound(token(5))).isEqualTo(second);
        assertThat(second.upperBound(token(5))).isEqualTo(token(5));
    }

    @Test
    void aPositionInTheMiddleOfACommitSurvivesTheTokenStoresSerializer() {
        MidCommitToken token = new MidCommitToken(41, 3);

        Object back = serializer.deserialize(serializer.serialize(token, byte[].class));

        assertThat(back).isEqualTo(token);
    }

    @Test
    void eventsOfNoAggregateAreStoredAndTracked() {
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage(new Noted("system notice 1", Instant.EPOCH))));
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage(new Noted("system notice 2", Instant.EPOCH))));
        engine.appendEvents(List.of(event("a", 0, "a story event")));

        assertThat(commitNumbers()).containsExactly(0L, 1L, 2L);
        List<String> texts = engine.readEvents(null, false).map(e -> ((Noted) e.getPayload()).text()).toList();
        assertThat(texts).containsExactly("system notice 1", "system notice 2", "a story event");
    }

    @Test
    void headAndTailTokensFollowTheCommits() {
        assertThat(engine.createHeadToken()).isNull();
        assertThat(engine.createTailToken()).isNull();

        engine.appendEvents(List.of(event("a", 0, "first")));
        engine.appendEvents(List.of(event("a", 1, "second"), event("a", 2, "third")));

        assertThat(engine.createHeadToken()).isEqualTo(token(1));
        assertThat(engine.readEvents(engine.createHeadToken(), false).count()).isZero();
        assertThat(engine.readEvents(token(0), false).map(e -> ((Noted) e.getPayload()).text()).toList())
                .containsExactly("second", "third");
    }

    @Test
    void concurrentAppendsOnOneStoryVersionLetExactlyOneWinAndKeepTheNumbersDense() throws Exception {
        int threads = 16;
        int rounds = 25;
        CyclicBarrier together = new CyclicBarrier(threads);
        Map<Long, List<String>> winners = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    together.await(30, TimeUnit.SECONDS);
                    // everybody builds on the same version of "shared": one commit wins, the rest conflict,
                    // in the same batches as commits of other stories that must all be stored
                    String text = "t" + thread + "/r" + round;
                    try {
                        engine.appendEvents(List.of(event("shared", round, text)));
                        winners.computeIfAbsent((long) round, r -> new CopyOnWriteArrayList<>()).add(text);
                    } catch (ConcurrencyException e) {
                        conflicts.incrementAndGet();
                    }
                    engine.appendEvents(List.of(event("own-" + thread, round, text)));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(winners).hasSize(rounds).allSatisfy((round, texts) -> assertThat(texts).hasSize(1));
        assertThat(conflicts.get()).isEqualTo(rounds * (threads - 1));
        List<String> shared = texts(engine.readEvents("shared").asStream().toList());
        assertThat(shared).containsExactlyElementsOf(
                LongStream.range(0, rounds).mapToObj(round -> winners.get(round).get(0)).toList());
        for (int t = 0; t < threads; t++) {
            assertThat(engine.readEvents("own-" + t).asStream().count()).isEqualTo(rounds);
        }
        int stored = rounds + threads * rounds;
        assertThat(commitNumbers()).containsExactlyElementsOf(LongStream.range(0, stored).boxed().toList());
        assertThat(engine.readEvents(null, false).count()).isEqualTo(stored);
    }

    @Test
    void aLongStoryIsLoadedWholeAndInOrder() {
        // commits of one to four events: the story reaches past the first lookup window, and windows end
        // in the middle of a commit
        List<String> expected = new ArrayList<>();
        long seq = 0;
        for (int commit = 0; seq < 700; commit++) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int e = 0; e <= commit % 4; e++, seq++) {
                batch.add(event("long", seq, "event " + seq));
                expected.add("event " + seq);
            }
            engine.appendEvents(batch);
            engine.appendEvents(List.of(event("neighbour-" + commit, 0, "elsewhere")));
        }

        assertThat(texts(engine.readEvents("long").asStream().toList())).containsExactlyElementsOf(expected);
        assertThat(engine.lastSequenceNumberFor("long")).contains(seq - 1);
        assertThat(engine.readEvents("long", 650).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(LongStream.range(650, seq).boxed().toList());
    }

    @Test
    void theHeadIsFoundByLookupsAndANodeBehindItTakesTheNextFreeNumber() {
        for (int i = 0; i < 300; i++) {
            engine.appendEvents(List.of(event("s" + i, 0, "pitched")));
        }
        assertThat(engine.headCommitNumber()).isEqualTo(299);
        MongoEventStorageEngine otherNode = newEngine();
        assertThat(otherNode.headCommitNumber()).isEqualTo(299);

        otherNode.appendEvents(List.of(event("from-the-other-node", 0, "first")));
        engine.appendEvents(List.of(event("from-this-node", 0, "second"))); // still believes 299 is the head

        assertThat(commitNumbers()).containsExactlyElementsOf(LongStream.range(0, 302).boxed().toList());
        assertThat(engine.createHeadToken()).isEqualTo(token(301));
    }

    private MongoEventStorageEngine newEngine() {
        return MongoEventStorageEngine.builder()
                .database(database)
                .durability(server != null ? server.durability() : Durability.WRITE_CONCERN)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    private static DomainEventMessage<?> event(String aggregate, long seq, String text) {
        return new GenericDomainEventMessage<>(TYPE, aggregate, seq,
                new Noted(text, Instant.parse("2026-11-23T08:30:00Z")));
    }

    private static List<String> texts(List<? extends EventMessage<?>> events) {
        return events.stream().map(event -> ((Noted) event.getPayload()).text()).toList();
    }

    private static TrackingToken token(long commitNumber) {
        return new GlobalSequenceTrackingToken(commitNumber);
    }

    private List<Long> commitNumbers() {
        List<Long> numbers = new ArrayList<>();
        commits.find().sort(Sorts.ascending("_id"))
                .forEach(commit -> numbers.add(((Number) commit.get("_id")).longValue()));
        return numbers;
    }

    /** A commit shaped like a stored one, for another aggregate, as another node would write it. */
    private static Document copy(Document template, long commitNumber, String aggregate) {
        List<Document> events = new ArrayList<>();
        for (Document entry : template.getList("events", Document.class)) {
            events.add(new Document(entry).append("eventId", UUID.randomUUID().toString()));
        }
        return new Document(template)
                .append("_id", commitNumber)
                .append("aggregateId", aggregate)
                .append("aggregateKey", aggregate + "#" + template.getLong("firstSeq"))
                .append("events", events);
    }
}
