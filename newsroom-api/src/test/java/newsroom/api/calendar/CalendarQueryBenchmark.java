package newsroom.api.calendar;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.sun.management.OperatingSystemMXBean;
import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.EmbeddedMongoServer;
import newsroom.api.storage.MongoStore;
import newsroom.story.Audience;
import newsroom.story.Priority;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Calendar reads at scale on the embedded (file-backed) store: fills {@code benchmark.placements}
 * (100,000) placements, one story each, into the calendar's buckets with a realistic week: 40 to 50 on
 * Tuesdays to Thursdays (50 on the busiest), 25 to 35 on Mondays and Fridays, a handful at weekends,
 * which is about nine years of work. Then times day, week and month reads including collision
 * detection, with a warm cache (the dashboard rereads the weeks around today) and a cold one (a fresh
 * server instance). Run with {@code ./mvnw -B -Pbenchmark verify}; bounded: 60 reads per range.
 */
class CalendarQueryBenchmark {

    private static final String[] CHANNELS = {"press-release", "corporate-blog", "newsletter", "intranet", "linkedin",
            "x", "instagram", "facebook", "youtube", "livestream", "podcast", "event"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 1, 1);

    @Test
    void dayWeekAndMonthReadsStayCheapAtScale() throws Exception {
        int placements = Integer.getInteger("benchmark.placements", 100_000);
        Path dir = Files.createTempDirectory("newsroom-calendar-benchmark");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoStore store = new MongoStore(client, client.getDatabase("newsroom"), "benchmark", true, server::flush);
            DocumentMapper mapper = new DocumentMapper();
            CalendarProperties properties = new CalendarProperties(ZoneOffset.UTC, Duration.ofHours(1), Map.of(), 2,
                    null);
            CalendarRepository calendar = new CalendarRepository(store, mapper, properties);

            Random random = new Random(42);
            long fillStart = System.nanoTime();
            int filled = 0;
            int busiest = 0;
            LocalDate busiestDay = FIRST_DAY;
            LocalDate day = FIRST_DAY;
            while (filled < placements) {
                int count = Math.min(placementsOn(day, random), placements - filled);
                if (count > busiest) {
                    busiest = count;
                    busiestDay = day;
                }
                fill(calendar, day, count);
                filled += count;
                day = day.plusDays(1);
            }
            long days = ChronoUnit.DAYS.between(FIRST_DAY, day);
            System.out.printf("%nfilled %d placements over %d days (busiest day %d) in %d ms%n", filled, days,
                    busiest, Duration.ofNanos(System.nanoTime() - fillStart).toMillis());
            reportWriteSizes(store, busiestDay, busiest);

            CalendarQueries queries = queries(store, mapper, properties, calendar);
            // the middle of the filled years, on a Monday so that every read starts on a working week
            Instant middle = FIRST_DAY.plusDays(days / 2).with(DayOfWeek.MONDAY).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            System.out.printf("%n=== Calendar reads at %d placements (embedded store, same JVM) ===%n", filled);
            report(queries, "day  ", middle, Duration.ofDays(1));
            report(queries, "week ", middle, Duration.ofDays(7));
            report(queries, "month", middle, Duration.ofDays(31));
            for (int run = 0; run < 3; run++) { // bounded: three fresh server instances
                CalendarRepository cold = new CalendarRepository(store, mapper, properties);
                long t0 = System.nanoTime();
                int entries = queries(store, mapper, properties, cold).range(middle.plus(Duration.ofDays(40L * run)),
                        middle.plus(Duration.ofDays(40L * run + 31)), CalendarFilter.NONE).entries().size();
                System.out.printf("month read with an empty cache (a fresh server instance), %d entries: %.1f ms%n",
                        entries, (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** Placements on a day of a realistic week. */
    private static int placementsOn(LocalDate day, Random random) {
        return switch (day.getDayOfWeek()) {
            case TUESDAY, WEDNESDAY, THURSDAY -> 40 + random.nextInt(11);
            case MONDAY, FRIDAY -> 25 + random.nextInt(11);
            case SATURDAY, SUNDAY -> 3 + random.nextInt(6);
        };
    }

    /** Files the day's placements as the projection would: a bucket per hour, one index for the day. */
    private static void fill(CalendarRepository calendar, LocalDate day, int count) {
        TreeMap<Integer, List<CalendarEntry>> byHour = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            Instant slot = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(6 * 3600 + i * 900L);
            String storyId = "story-" + day + "-" + i;
            String channel = CHANNELS[i % CHANNELS.length];
            byHour.computeIfAbsent(slot.atZone(ZoneOffset.UTC).getHour(), hour -> new ArrayList<>()).add(
                    new CalendarEntry(CalendarEntry.idOf(storyId, "p"), storyId, "p", channel, channel, "SOCIAL", slot,
                            CalendarStatus.PLANNED, "Story " + i + " of " + day, "desk-" + (i % 7),
                            "campaign-" + (i % 5), Audience.B2B, i % 20 == 0 ? Priority.HIGH : Priority.NORMAL,
                            "carla", ApprovalState.NOT_SUBMITTED, null, null));
        }
        List<CalendarRepository.Bucket> buckets = new ArrayList<>();
        TreeMap<Integer, String> stamps = new TreeMap<>();
        byHour.forEach((hour, entries) -> {
            String stamp = entries.get(entries.size() - 1).storyId() + "#3";
            buckets.add(new CalendarRepository.Bucket(day, hour, stamp, entries));
            stamps.put(hour, stamp);
        });
        calendar.write(List.of(), buckets, List.of(new CalendarRepository.DayIndex(day, stamps)));
    }

    private static CalendarQueries queries(MongoStore store, DocumentMapper mapper, CalendarProperties properties,
                                           CalendarRepository calendar) {
        return new CalendarQueries(calendar, new BlackoutRepository(store, mapper), ReadModelProgress.standalone(),
                properties, ChannelCatalogue.over(store, mapper), new CalendarHistoryRepository(store, mapper));
    }

    /** What a story event writes: an hour's bucket and its day's index, where it used to rewrite the whole day. */
    private static void reportWriteSizes(MongoStore store, LocalDate busiestDay, int placements) {
        RawBsonDocument index = store.database().getCollection("calendar_days", RawBsonDocument.class)
                .find(Filters.eq("_id", busiestDay.toString())).first();
        RawBsonDocument bucket = store.database().getCollection("calendar_entries", RawBsonDocument.class)
                .find(Filters.eq("_id", busiestDay + "T10")).first();
        System.out.printf("a story event on a day with %d placements writes an hour's bucket (%d bytes, %d entries)"
                + " and the day's index (%d bytes)%n", placements, bucket.getByteBuffer().remaining(),
                bucket.getArray("entries").size(), index.getByteBuffer().remaining());
    }

    /**
     * Wall-clock percentiles, and the CPU time the whole JVM (reader and embedded server alike) spent per
     * read: on a machine shared with other work the latter is the steadier figure.
     */
    private static void report(CalendarQueries queries, String label, Instant from, Duration span) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> nanos = new ArrayList<>();
        int entries = 0;
        long cpuStart = 0;
        for (int run = 0; run < 60; run++) { // bounded: 60 reads per range, the first 10 warm up the JVM
            if (run == 10) {
                cpuStart = os.getProcessCpuTime();
            }
            Instant start = from.plus(Duration.ofDays(run % 10));
            long t0 = System.nanoTime();
            entries = queries.range(start, start.plus(span), CalendarFilter.NONE).entries().size();
            nanos.add(System.nanoTime() - t0);
        }
        double cpuPerRead = (os.getProcessCpuTime() - cpuStart) / 1e6 / 50;
        List<Long> measured = new ArrayList<>(nanos.subList(10, nanos.size()));
        Collections.sort(measured);
        System.out.printf("%s read (%d entries, with collisions): p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                + " CPU %.1f ms per read%n", label, entries, measured.get(measured.size() / 2) / 1e6,
                measured.get((int) (measured.size() * 0.95)) / 1e6, measured.get(measured.size() - 1) / 1e6,
                cpuPerRead);
    }
}
