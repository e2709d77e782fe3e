package newsroom.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import newsroom.api.TestDatabase;
import newsroom.api.projection.StoryWorkload;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.story.StoryView;
import newsroom.api.story.StoryViewUpdater;
import newsroom.story.StoryEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar's history answers what the events say: a realistic stream of story events over months, handed to
 * the projection in batches of every size (some handled twice, as after a crash between writing the documents
 * and the story copies), gives for any instant and month exactly the entries a replay of the events up to that
 * instant gives.
 */
class CalendarHistoryIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** The workload's events are about a minute apart; spread out, they cover about three months. */
    private static final long SPREAD = 90;

    private TestDatabase test;
    private MongoDatabase database;
    private CalendarHistoryRepository history;
    private CalendarHistoryProjection projection;
    private int chunk;

    @BeforeEach
    void start() {
        test = new TestDatabase();
        database = test.database();
    }

    private void withChunksOf(int chunk) {
        this.chunk = chunk;
        history = new CalendarHistoryRepository(test.store(), new DocumentMapper(), chunk);
        projection = new CalendarHistoryProjection(history, new CalendarProperties(ZONE, null, null, null, null));
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @ParameterizedTest(name = "ended versions in documents of {0}")
    @ValueSource(ints = {CalendarHistoryRepository.CHUNK, 2})
    void theCalendarAtAnyInstantIsWhatTheEventsUpToThenSay(int chunk) {
        withChunksOf(chunk);
        List<DomainEventMessage<?>> events = spreadOutWorkload(2_500);
        Random random = new Random(13);
        for (int from = 0; from < events.size(); ) {
            List<DomainEventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(60)));
            if (random.nextInt(8) == 0) {
                handleLosingTheStoryCopies(batch);
            }
            handle(batch);
            from += batch.size();
        }

        Instant first = events.get(0).getTimestamp();
        Instant last = events.get(events.size() - 1).getTimestamp();
        assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofDays(60));
        int compared = 0;
        for (int i = 0; i < 40; i++) {
            Instant asOf = i % 10 == 0 ? events.get(random.nextInt(events.size())).getTimestamp() // exactly at an event
                    : first.plusSeconds((long) (random.nextDouble() * Duration.between(first, last).toSeconds()));
            LocalDate monthStart = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(330));
            List<LocalDate> month = monthStart.datesUntil(monthStart.plusDays(31)).toList();

            List<CalendarEntry> expected = replayed(events, asOf, month);
            assertThat(sorted(history.entriesAsOf(month, asOf))).as("%s as of %s", monthStart, asOf)
                    .isEqualTo(sorted(expected));
            compared += expected.size();
        }
        assertThat(compared).as("entries compared").isGreaterThan(500);
        everyVersionIsFiledOnceAndEachEntryHoldsOnce();
    }

    private void everyVersionIsFiledOnceAndEachEntryHoldsOnce() {
        Set<String> versions = new HashSet<>();
        Set<String> holding = new HashSet<>();
        List<Document> filed = database.getCollection("calendar_history").find().into(new ArrayList<>());
        List<Document> ended = database.getCollection("calendar_history_ended").find().into(new ArrayList<>());
        assertThat(ended).allSatisfy(document -> assertThat(document.getList("versions", Document.class))
                .as("%s", document.get("_id")).hasSizeLessThanOrEqualTo(chunk));
        filed.addAll(ended);
        for (Document document : filed) {
            for (Document version : document.getList("versions", Document.class)) {
                String entryId = version.get("entry", Document.class).getString("entryId");
                assertThat(versions.add(entryId + "@" + version.getString("stamp"))).as("filed once: %s", version)
                        .isTrue();
                if (version.get("to") == null) {
                    assertThat(holding.add(entryId)).as("one version holds: %s", entryId).isTrue();
                }
            }
        }
        assertThat(holding).isNotEmpty();
    }

    private void handle(List<DomainEventMessage<?>> events) {
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.executeWithResult(() -> {
            DomainEventMessage<?> message = batch.getMessage();
            projection.on((StoryEvent) message.getPayload(), message);
            return null;
        });
    }

    /** Handles the batch, then puts the story copies back as they were: the documents are written, the copies not. */
    private void handleLosingTheStoryCopies(List<DomainEventMessage<?>> events) {
        MongoCollection<Document> stories = database.getCollection("calendar_history_stories");
        List<Document> before = stories.find().into(new ArrayList<>());
        handle(events);
        stories.deleteMany(new Document());
        if (!before.isEmpty()) {
            stories.insertMany(before);
        }
    }

    /** The entries on these days from a replay of each story's events up to the instant. */
    private List<CalendarEntry> replayed(List<DomainEventMessage<?>> events, Instant asOf, List<LocalDate> days) {
        Map<String, StoryView> stories = new HashMap<>();
        for (DomainEventMessage<?> message : events) {
            if (!message.getTimestamp().isAfter(asOf)) {
                StoryEvent event = (StoryEvent) message.getPayload();
                StoryView view = StoryViewUpdater.apply(stories.get(event.storyId()), event, message.getSequenceNumber(),
                        message.getTimestamp());
                if (view != null) {
                    stories.put(event.storyId(), view);
                }
            }
        }
        List<CalendarEntry> entries = new ArrayList<>();
        stories.values().forEach(story -> CalendarProjection.entriesOf(story).stream()
                .filter(entry -> entry.slot() != null && days.contains(entry.slot().atZone(ZONE).toLocalDate()))
                .forEach(entries::add));
        return entries;
    }

    private static List<DomainEventMessage<?>> spreadOutWorkload(int commits) {
        StoryWorkload workload = new StoryWorkload();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Instant start = null;
        while (events.size() < commits) {
            for (DomainEventMessage<?> event : workload.nextCommit()) {
                start = start == null ? event.getTimestamp() : start;
                Instant spread = start.plus(Duration.between(start, event.getTimestamp()).multipliedBy(SPREAD));
                events.add(new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getPayload(), event.getMetaData(), event.getIdentifier(), spread));
            }
        }
        return events;
    }

    private static List<CalendarEntry> sorted(List<CalendarEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(CalendarEntry::entryId)).toList();
    }
}
