package newsroom.api.projection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import newsroom.api.NewsroomApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rebuild throughput of the stories, calendar and notifications read models: starts the server on
 * loopback with a fresh embedded store, stops its processors, writes {@code benchmark.events} (100,000)
 * story events of a realistic mix straight through the event storage engine, then rebuilds each read
 * model alone (reset and replay to the head, as {@code POST /api/admin/projections/{name}/rebuild}
 * does) and prints events per second. Run with {@code ./mvnw -B -Pbenchmark verify}; bounded in count
 * and time (at most {@code benchmark.rebuild-minutes}, 30, per read model).
 */
class ProjectionRebuildBenchmark {

    private static final List<String> READ_MODELS = List.of("stories", "calendar", "notifications");

    @Test
    void rebuildThroughputAtScale() throws Exception {
        int target = Integer.getInteger("benchmark.events", 100_000);
        Duration limit = Duration.ofMinutes(Integer.getInteger("benchmark.rebuild-minutes", 30));
        Path dataDir = Files.createTempDirectory("newsroom-rebuild-benchmark");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(NewsroomApplication.class)
                .profiles("demo")
                // arguments, not default properties: application.yml would override those
                .run("--server.port=0", "--server.address=127.0.0.1", "--newsroom.mongodb.data-dir=" + dataDir,
                        "--logging.level.root=WARN")) {
            EventProcessingConfiguration processing = server.getBean(EventProcessingConfiguration.class);
            EventStorageEngine events = server.getBean(EventStorageEngine.class);
            TokenStore tokens = server.getBean(TokenStore.class);
            processing.eventProcessors().values().forEach(processor -> processor.shutDown());

            StoryWorkload workload = new StoryWorkload();
            long fillStart = System.nanoTime();
            long commits = 0;
            while (workload.events() < target) {
                events.appendEvents(workload.nextCommit());
                commits++;
            }
            long head = events.createHeadToken().position().orElseThrow();
            System.out.printf("%nfilled %d events (%d commits, %d stories) in %d s%n", workload.events(), commits,
                    workload.stories(), Duration.ofNanos(System.nanoTime() - fillStart).toSeconds());

            System.out.printf("%n=== Rebuild throughput, %d events (embedded store, server in the same JVM) ===%n",
                    workload.events());
            for (String name : READ_MODELS) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow();
                // the read model stands at the head, as before an admin's rebuild, which then replays everything
                tokens.storeToken(events.createHeadToken(), name, 0);
                tokens.releaseClaim(name, 0);
                processor.resetTokens();
                long start = System.nanoTime();
                processor.start();
                long reached = awaitPosition(processor, head, limit);
                double seconds = (System.nanoTime() - start) / 1e9;
                processor.shutDown();
                // positions count commits; the events replayed are in proportion
                double replayed = workload.events() * (double) (reached + 1) / (head + 1);
                System.out.printf("%-13s %s in %.1f s: %.0f events/s%n", name, reached >= head ? "rebuilt"
                        : String.format("stopped at the time limit after %.0f events", replayed), seconds, replayed / seconds);
            }
        }
    }

    /** The position the processor reached: the head, or less when the time limit struck first. */
    private static long awaitPosition(StreamingEventProcessor processor, long head, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long position = -1;
        while (System.nanoTime() < deadline && position < head) {
            Thread.sleep(20);
            position = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(position);
        }
        return position;
    }
}
