package newsroom.api.calendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.EmbeddedMongoServer;
import newsroom.api.storage.MongoStore;
import newsroom.story.Audience;
import newsroom.story.Priority;
import org.junit.jupiter.api.Test;

/**
 * Calendar reads at scale on the embedded (file-backed) store: fills {@code benchmark.placements}
 * (100,000) placements over two years into the day buckets, then times day, week and month reads
 * including collision detection. Run with {@code ./mvnw -B -Pbenchmark verify}.
 */
class CalendarQueryBenchmark {

    private static final String[] CHANNELS = {"press-release", "corporate-blog", "newsletter", "intranet", "linkedin",
            "x", "instagram", "facebook", "youtube", "livestream", "podcast", "event"};

    @Test
    void dayWeekAndMonthReadsStayCheapAtScale() throws Exception {
        int placements = Integer.getInteger("benchmark.placements", 100_000);
        int days = 730;
        Path dir = Files.createTempDirectory("newsroom-calendar-benchmark");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoStore store = new MongoStore(client, client.getDatabase("newsroom"), "benchmark", true, server::flush);
            DocumentMapper mapper = new DocumentMapper();
            CalendarRepository calendar = new CalendarRepository(store, mapper);
            CalendarProperties properties = new CalendarProperties(ZoneOffset.UTC, Duration.ofHours(1), Map.of(), 2);
            CalendarQueries queries = new CalendarQueries(calendar, new BlackoutRepository(store, mapper), properties);

            LocalDate first = LocalDate.of(2027, 1, 1);
            int perDay = placements / days;
            long fillStart = System.nanoTime();
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                List<CalendarEntry> entries = new ArrayList<>(perDay);
                for (int i = 0; i < perDay; i++) {
                    Instant slot = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(6 * 3600 + i * 300L);
                    String storyId = "story-" + d + "-" + i;
                    entries.add(new CalendarEntry(CalendarEntry.idOf(storyId, "p"), storyId, "p", CHANNELS[i % CHANNELS.length],
                            CHANNELS[i % CHANNELS.length], "SOCIAL", slot, CalendarStatus.PLANNED, "Story " + i, "desk-" + (i % 7),
                            "campaign-" + (i % 5), Audience.B2B, i % 40 == 0 ? Priority.HIGH : Priority.NORMAL, "carla",
                            ApprovalState.NOT_SUBMITTED, null, null));
                }
                calendar.replaceEntries(day, "bulk-" + d, entries);
            }
            System.out.printf("filled %d placements over %d days in %d ms%n", perDay * days, days,
                    Duration.ofNanos(System.nanoTime() - fillStart).toMillis());

            Instant middle = first.plusDays(400).atStartOfDay().toInstant(ZoneOffset.UTC);
            report(queries, "day  ", middle, Duration.ofDays(1));
            report(queries, "week ", middle, Duration.ofDays(7));
            report(queries, "month", middle, Duration.ofDays(31));
        }
    }

    private static void report(CalendarQueries queries, String label, Instant from, Duration span) {
        List<Long> nanos = new ArrayList<>();
        int entries = 0;
        for (int run = 0; run < 30; run++) { // bounded: 30 reads per range
            Instant start = from.plus(Duration.ofDays(run % 10));
            long t0 = System.nanoTime();
            entries = queries.range(start, start.plus(span), CalendarFilter.NONE).entries().size();
            nanos.add(System.nanoTime() - t0);
        }
        List<Long> measured = new ArrayList<>(nanos.subList(5, nanos.size())); // the first reads warm up the JVM
        Collections.sort(measured);
        System.out.printf("%s read (%d entries, with collisions): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", label,
                entries, measured.get(measured.size() / 2) / 1e6, measured.get((int) (measured.size() * 0.95)) / 1e6,
                measured.get(measured.size() - 1) / 1e6);
    }
}
