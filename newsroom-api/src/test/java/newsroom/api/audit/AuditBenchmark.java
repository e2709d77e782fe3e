package newsroom.api.audit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Supplier;

import newsroom.api.NewsroomApplication;
import newsroom.api.calendar.CalendarFilter;
import newsroom.api.calendar.CalendarQueries;
import newsroom.api.projection.StoryWorkload;
import newsroom.api.storage.HashChain;
import newsroom.api.storage.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit and time travel at scale on the embedded file store: starts the server on loopback with a fresh
 * store, writes {@code benchmark.events} (100,000) story events of a realistic mix straight into the event
 * store, lets the audit and calendar-history read models catch up (bounded by {@code benchmark.rebuild-minutes}),
 * then times 200 audit searches of a mix of filters, pages and time ranges, twice 100 calendar months of 2027
 * read {@code asOf} instants in the last three quarters of the events (each read must hold entries: how many
 * is printed), and verifies the hash chain over the (at least 100,000) commits three times; prints p50/p95/max,
 * seconds, the process's CPU time for verify, and the load average with each figure (the machine is shared).
 * Run with {@code ./mvnw -B -Pbenchmark verify -Dit.test=AuditBenchmark}.
 */
class AuditBenchmark {

    private static final int SEARCHES = 200;
    private static final int MONTH_READS = 100;

    @Test
    void auditSearchAndTimeTravelStayFastAtScale() throws Exception {
        int target = Integer.getInteger("benchmark.events", 100_000);
        Duration limit = Duration.ofMinutes(Integer.getInteger("benchmark.rebuild-minutes", 30));
        Path dataDir = Files.createTempDirectory("newsroom-audit-benchmark");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(NewsroomApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--server.address=127.0.0.1", "--newsroom.mongodb.data-dir=" + dataDir,
                        "--logging.level.root=WARN")) {
            EventProcessingConfiguration processing = server.getBean(EventProcessingConfiguration.class);
            EventStorageEngine events = server.getBean(EventStorageEngine.class);
            processing.eventProcessors().values().forEach(processor -> processor.shutDown());

            StoryWorkload workload = new StoryWorkload();
            long fillStart = System.nanoTime();
            long commits = 0;
            while (workload.events() < target || commits < target) { // at least 100,000 events and commits
                List<? extends EventMessage<?>> commit = workload.nextCommit();
                if (!commit.isEmpty()) { // a story's last step may record nothing
                    events.appendEvents(commit);
                    commits++;
                }
            }
            long head = events.createHeadToken().position().orElseThrow();
            System.out.printf("%nfilled %d events (%d commits, %d stories) in %d s (load %.1f)%n", workload.events(),
                    head + 1, workload.stories(), Duration.ofNanos(System.nanoTime() - fillStart).toSeconds(), load());
            for (String name : List.of(AuditProjection.PROCESSING_GROUP, "calendar-history")) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow();
                long start = System.nanoTime();
                processor.start();
                long reached = awaitPosition(processor, head, limit);
                processor.shutDown();
                System.out.printf("%-16s projected %s in %.1f s (load %.1f)%n", name, reached >= head ? "everything"
                        : "up to commit " + reached + " (time limit)", (System.nanoTime() - start) / 1e9, load());
            }

            AuditSearch search = server.getBean(AuditSearch.class);
            Random random = new Random(7);
            Instant first = Instant.parse("2026-11-01T08:00:00Z");
            List<Supplier<AuditQuery>> mix = List.of(
                    () -> query(AuditKey.PERSON, pick(random, "carla", "eddie", "grace", "lena", "hugo"), random.nextInt(20)),
                    () -> query(AuditKey.STORY, "bench-story-" + random.nextInt(workload.stories()), 0),
                    () -> query(AuditKey.CHANNEL, pick(random, "press-release", "linkedin", "intranet", "corporate-blog"),
                            random.nextInt(50)),
                    () -> query(AuditKey.ACTION, pick(random, "PlacementPublished", "ApprovalGranted", "StoryKilled"), 0),
                    () -> query(AuditKey.CAMPAIGN, "employer-branding-2027", 0).and(AuditKey.PERSON, "eddie"),
                    () -> new AuditQuery(null, null, null, null, null, first.plus(Duration.ofDays(random.nextInt(30))),
                            first.plus(Duration.ofDays(random.nextInt(30) + 31)), random.nextInt(10), 50),
                    () -> query(AuditKey.ACTION, "PlacementPublished", 0).between(
                            first.plus(Duration.ofDays(random.nextInt(20))), first.plus(Duration.ofDays(25))),
                    () -> new AuditQuery(null, null, null, null, null, null, null, random.nextInt(100), 50));
            List<Long> times = new ArrayList<>();
            long matched = 0;
            for (int i = 0; i < SEARCHES; i++) {
                AuditQuery query = mix.get(i % mix.size()).get();
                long start = System.nanoTime();
                matched += search.page(query).total();
                times.add(System.nanoTime() - start);
            }
            report("audit search (" + SEARCHES + ", " + matched / SEARCHES + " matches on average)", times);

            CalendarQueries calendar = server.getBean(CalendarQueries.class);
            long fillHours = Duration.between(first, workload.clock()).toHours();
            for (String pass : List.of("first pass, cold store cache", "second pass, other months and instants")) {
                times.clear();
                List<Integer> held = new ArrayList<>();
                for (int i = 0; i < MONTH_READS; i++) {
                    // the workload's slots are in 2027, planned by events from November 2026 on: a month of 2027 as
                    // it stood at an instant in the last three quarters of the events, when it held many placements
                    Instant monthStart = Instant.parse("2027-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(330)));
                    Instant asOf = first.plus(Duration.ofHours(fillHours / 4 + random.nextInt((int) (fillHours * 3 / 4))));
                    long start = System.nanoTime();
                    held.add(calendar.rangeAsOf(monthStart, monthStart.plus(Duration.ofDays(31)), CalendarFilter.NONE,
                            asOf).entries().size());
                    times.add(System.nanoTime() - start);
                }
                IntSummaryStatistics months = held.stream().mapToInt(Integer::intValue).summaryStatistics();
                report(String.format("calendar month asOf, %s (%d months holding %d to %d entries, %.0f on average)",
                        pass, MONTH_READS, months.getMin(), months.getMax(), months.getAverage()), times);
                if (months.getMin() == 0) {
                    throw new AssertionError("a month read asOf held no entries: it measured nothing");
                }
            }

            MongoEventStorageEngine store = server.getBean(MongoEventStorageEngine.class);
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                HashChain.Verification verification = store.verifyChain(-1);
                System.out.printf("verify run %d: %d commits %s in %.2f s (server process CPU %.2f s; load %.1f)%n",
                        run, verification.commits(),
                        verification.intact() ? "intact" : "NOT intact at " + verification.firstBadCommit(),
                        (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9, load());
            }
        }
    }

    private static AuditQuery query(AuditKey key, String value, int page) {
        return AuditQuery.of(key, value).withPage(page);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (load %.1f)%n", what,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, load());
    }

    /** The machine's load average over the last minute, as {@code uptime} prints it first. */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of this process (the server, its embedded store and the benchmark): steadier than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long awaitPosition(StreamingEventProcessor processor, long head, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long position = -1;
        while (System.nanoTime() < deadline && position < head) {
            Thread.sleep(50);
            position = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(position);
        }
        return position;
    }
}
