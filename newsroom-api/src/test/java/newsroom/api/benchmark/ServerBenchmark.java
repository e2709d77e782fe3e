package newsroom.api.benchmark;

import static newsroom.api.ServerProcess.pause;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsroom.api.ServerProcess;
import newsroom.api.storage.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;

/**
 * A year of newsroom work on the embedded store, against the packaged server started as a separate process
 * on 127.0.0.1 with the README's start command settings:
 * <ol>
 * <li>fills a store with {@code benchmark.events} (100,000) events through the API: stories pitched, accepted,
 * placed three times on days spread over two years (about 50 placements a day), submitted and approved; prints
 * the store file per event while serving and after a clean stop;</li>
 * <li>restarts it: start-to-ready and resident memory at idle;</li>
 * <li>restarts it and sends {@code benchmark.rate} (50) commands a second from the moment it is ready for
 * {@code benchmark.sustainSeconds} (60): the slowest command of the first 10 s (cold start), p50/p99 after
 * that, and the largest resident memory.</li>
 * </ol>
 * Not a test: run it with {@code ./mvnw -B -Pbenchmark verify -Dit.test=ServerBenchmark}. Bounded in count
 * and time ({@code benchmark.fillMinutes}, 20).
 */
class ServerBenchmark {

    private static final String PASSWORD = "newsroom-demo";
    /** The server's memory figures (direct buffers) for the load phase; admins may read them. */
    private static final String METRICS = "--management.endpoints.web.exposure.include=health,info,metrics";
    /**
     * Story lives the fill runs at once. Each waits for its answers, so this is how many commands the server
     * has in hand; more at once share its group flushes and projection batches.
     */
    /** Events a story life stores today (the domain records more than one event for some commands). */
    private static final int EVENTS_PER_LIFE = 10;
    private static final int FILL_CLIENTS = Integer.getInteger("benchmark.fillClients", 16);
    private static final Instant FIRST_DAY = Instant.parse("2027-01-01T00:00:00Z");
    private static final int DAYS = 730;
    private static final String[] CHANNELS = {"corporate-blog", "linkedin", "intranet", "newsletter", "x", "instagram"};
    private static final String BODY = "The apprentices of the new plant built its robot cell themselves. ".repeat(10);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(32)).build();

    @Test
    void aYearOfWorkOnTheEmbeddedStore() throws Exception {
        int events = Integer.getInteger("benchmark.events", 100_000);
        int rate = Integer.getInteger("benchmark.rate", 50);
        int sustainSeconds = Integer.getInteger("benchmark.sustainSeconds", 60);
        Duration fillLimit = Duration.ofMinutes(Integer.getInteger("benchmark.fillMinutes", 20));
        Path dataDir = Files.createTempDirectory("newsroom-server-benchmark").resolve("data");
        Files.createDirectories(dataDir);
        System.out.printf("%n=== Server on the embedded store: started by newsroom-api/start.sh, JVM options %s ===%n",
                ServerProcess.jvmOptions());

        String reused = System.getProperty("benchmark.store", "");
        long filled = reused.isBlank() ? fillFreshStore(dataDir, events, fillLimit)
                : reuse(Path.of(reused), dataDir, events, fillLimit);
        long files = EmbeddedMongoServer.filesSize(dataDir);
        System.out.printf("store files after a clean stop: %,d KB = %.2f KB per event%n", files / 1024,
                files / 1024.0 / Math.max(1, filled));

        try (ServerProcess server = ServerProcess.start(dataDir, METRICS)) {
            Duration ready = server.awaitReady(Duration.ofMinutes(5));
            long cpuToReady = server.cpuMillis();
            pause(Duration.ofSeconds(15));
            System.out.printf("start to ready with the filled store: %.1f s (CPU time used by then %.1f s; load "
                            + "average %s); RSS at idle: %d MB%n", ready.toMillis() / 1000.0, cpuToReady / 1000.0,
                    ServerProcess.loadAverage(), server.residentKb() / 1024);
            server.stop();
        }

        try (ServerProcess server = ServerProcess.start(dataDir, METRICS)) {
            Duration ready = server.awaitReady(Duration.ofMinutes(5));
            long cpuBefore = server.cpuMillis();
            Load load = load(server, rate, Duration.ofSeconds(sustainSeconds));
            long cpuUsed = server.cpuMillis() - cpuBefore;
            int commands = load.coldStart.size() + load.sustained.size();
            System.out.printf("start to ready: %.1f s, then %d commands/s at once for %d s (load average %s; the "
                            + "server's CPU time %.1f ms per command)%n", ready.toMillis() / 1000.0, rate, sustainSeconds,
                    ServerProcess.loadAverage(), (double) cpuUsed / Math.max(1, commands));
            System.out.printf("cold start (first 10 s): %d commands, slowest %d ms, p99 %d ms, p50 %d ms%n",
                    load.coldStart.size(), max(load.coldStart), percentile(load.coldStart, 99),
                    percentile(load.coldStart, 50));
            System.out.printf("cold start, the slowest command due in each of the first 10 s: %s ms%n",
                    load.coldSlowestBySecond);
            System.out.printf("sustained (after 10 s): %d commands, p50 %d ms, p99 %d ms, slowest %d ms, "
                            + "%d failed or timed out; RSS max %d MB (direct buffers max %d MB)%n", load.sustained.size(),
                    percentile(load.sustained, 50), percentile(load.sustained, 99), max(load.sustained),
                    load.failures.get(), load.maxResidentKb.get() / 1024, load.maxDirectBytes.get() / 1024 / 1024);
            server.stop();
        }
    }

    /** Fills a fresh store through the API; returns the number of events stored. */
    private long fillFreshStore(Path dataDir, int events, Duration fillLimit) throws Exception {
        long stored;
        long filled;
        try (ServerProcess server = ServerProcess.start(dataDir, METRICS)) {
            server.awaitReady(Duration.ofMinutes(5));
            long start = System.nanoTime();
            long cpuBefore = server.cpuMillis();
            Fill fill = fill(server, events, fillLimit);
            filled = fill.events.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            stored = awaitProjections(server, Duration.ofMinutes(10));
            System.out.printf("fill: %,d commands, %,d events in %.0f s (%.0f commands/s, %d failed; the server's CPU "
                            + "time %.1f ms per command; load average %s); %,d placements on %d days; RSS %d MB%n",
                    fill.commands.get(), fill.events.get(), seconds, fill.commands.get() / seconds, fill.failures.get(),
                    (double) (server.cpuMillis() - cpuBefore) / Math.max(1, fill.commands.get()),
                    ServerProcess.loadAverage(), fill.placements.get(), DAYS, server.residentKb() / 1024);
            long files = EmbeddedMongoServer.filesSize(dataDir);
            System.out.printf("store files while serving: %,d KB for %,d events in %,d commits = %.2f KB per event "
                    + "(read models included)%n", files / 1024, fill.events.get(), stored,
                    files / 1024.0 / fill.events.get());
            server.stop();
        }
        return filled;
    }

    /**
     * Copies a store filled by an earlier run ({@code -Dbenchmark.store=<its data directory>}, with
     * {@code -Dbenchmark.storeEvents=} the events it holds) and lets the server bring its read models up to date
     * (an upgrade may rebuild them); with {@code -Dbenchmark.topUp=true} it then fills it up to
     * {@code benchmark.events} through the API. Returns the number of events. Saves the fill when only the later
     * phases are measured again.
     */
    private long reuse(Path store, Path dataDir, int targetEvents, Duration fillLimit) throws Exception {
        try (var files = Files.list(store)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".mv")).toList()) {
                Files.copy(file, dataDir.resolve(file.getFileName()));
            }
        }
        try (ServerProcess server = ServerProcess.start(dataDir, METRICS)) {
            server.awaitReady(Duration.ofMinutes(5));
            long commits = awaitProjections(server, Duration.ofMinutes(15));
            long events = Long.getLong("benchmark.storeEvents", commits);
            System.out.printf("reused the store in %s: %,d commits, %,d events; read models up to date; RSS %d MB%n",
                    store, commits, events, server.residentKb() / 1024);
            if (Boolean.getBoolean("benchmark.topUp") && events < targetEvents) {
                long start = System.nanoTime();
                Fill fill = fill(server, (int) (targetEvents - events), fillLimit);
                awaitProjections(server, Duration.ofMinutes(10));
                events += fill.events.get();
                System.out.printf("topped up with %,d commands, %,d events in %.0f s (%d failed): %,d events in %s%n",
                        fill.commands.get(), fill.events.get(), (System.nanoTime() - start) / 1e9, fill.failures.get(),
                        events, dataDir);
            }
            server.stop();
            return events;
        }
    }

    /** What the fill did. */
    private record Fill(AtomicLong commands, AtomicLong events, AtomicLong placements, AtomicInteger failures) {
    }

    private Fill fill(ServerProcess server, int events, Duration limit) throws Exception {
        Fill fill = new Fill(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicInteger());
        // the placements are spread over the days for the stories this many events make (a life stores about 10)
        int stories = Math.max(1, events / EVENTS_PER_LIFE);
        AtomicInteger nextStory = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(FILL_CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < FILL_CLIENTS; c++) {
            running.add(clients.submit(() -> {
                int story;
                // until the events stored reach the target (lives in progress may add a few more); bounded in
                // stories too, should lives store fewer events than expected or fail
                while (fill.events.get() < events && (story = nextStory.getAndIncrement()) < 2 * stories
                        && System.nanoTime() < deadline) {
                    StoryLife life = new StoryLife(story, stories);
                    while (!life.done()) {
                        Command command = life.next();
                        HttpResponse<String> response = send(server, command);
                        fill.commands.incrementAndGet();
                        if (response.statusCode() >= 300) {
                            fill.failures.incrementAndGet();
                            break;
                        }
                        life.answered(json.readTree(response.body()));
                    }
                    fill.events.addAndGet(life.version + 1);
                    fill.placements.addAndGet(life.placements);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(limit.toMinutes() + 5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        return fill;
    }

    /** Waits until every projection has reached the head of the event stream; returns the head's commit count. */
    private long awaitProjections(ServerProcess server, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/admin/projections")).header("Authorization", basic("ada")).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = json.readTree(answer.body());
            long head = status.path("head").asLong();
            // right after a start ada may not be known yet (the users read model is being built)
            boolean caughtUp = answer.statusCode() == 200 && !status.path("projections").isEmpty();
            for (JsonNode projection : status.path("projections")) {
                // a rebuild (a read model of an older layout, on a reused store) is over when it stops replaying
                caughtUp &= projection.path("position").asLong() >= head && !projection.path("replaying").asBoolean();
            }
            if (caughtUp) {
                return head + 1;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the projections did not catch up: " + status);
    }

    /** The direct buffers the server holds (its actuator's metric), -1 if it does not answer. */
    private long directBufferBytes(ServerProcess server) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/actuator/metrics/jvm.buffer.memory.used?tag=id:direct")).header("Authorization", basic("ada"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? json.readTree(answer.body()).path("measurements").path(0).path("value").asLong()
                    : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** What the load saw. */
    private record Load(List<Long> coldStart, List<Long> sustained, AtomicInteger failures, AtomicLong maxResidentKb,
                        AtomicLong maxDirectBytes, AtomicLongArray coldSlowestBySecond) {
    }

    /**
     * Sends {@code rate} commands a second, open loop: each is due at its slot whatever happened to the ones
     * before, and its latency counts from that slot. Commands belong to story lives in progress; a new story is
     * pitched whenever every life in progress waits for an answer.
     */
    private Load load(ServerProcess server, int rate, Duration duration) throws Exception {
        Load load = new Load(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new AtomicInteger(),
                new AtomicLong(), new AtomicLong(), new AtomicLongArray(10));
        Queue<StoryLife> idle = new ConcurrentLinkedQueue<>();
        AtomicInteger nextStory = new AtomicInteger(1_000_000);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        ticks.scheduleAtFixedRate(() -> {
            load.maxResidentKb.accumulateAndGet(server.residentKb(), Math::max);
            load.maxDirectBytes.accumulateAndGet(directBufferBytes(server), Math::max);
        }, 0, 1, TimeUnit.SECONDS);
        ticks.scheduleAtFixedRate(() -> {
            long due = System.nanoTime();
            if (stopped.get() || inFlight.get() > 2_000) {
                return; // bounded: a server that stops answering does not pile up requests without end
            }
            StoryLife life = idle.poll();
            if (life == null) {
                life = new StoryLife(nextStory.getAndIncrement(), DAYS * 17);
            }
            StoryLife current = life;
            Command command = current.next();
            inFlight.incrementAndGet();
            http.sendAsync(request(server, command), HttpResponse.BodyHandlers.ofString())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .whenComplete((response, error) -> {
                        inFlight.decrementAndGet();
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due);
                        (due - start < 10_000_000_000L ? load.coldStart : load.sustained).add(millis);
                        if (due - start < 10_000_000_000L) {
                            load.coldSlowestBySecond.accumulateAndGet((int) ((due - start) / 1_000_000_000L), millis,
                                    Math::max);
                        }
                        if (error != null || response.statusCode() >= 300) {
                            load.failures.incrementAndGet();
                            return;
                        }
                        try {
                            current.answered(json.readTree(response.body()));
                        } catch (IOException e) {
                            load.failures.incrementAndGet();
                            return;
                        }
                        if (!current.done()) {
                            idle.add(current);
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        pause(duration);
        stopped.set(true);
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(35);
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            pause(Duration.ofMillis(100));
        }
        ticks.shutdownNow();
        return load;
    }

    /** A command of a story's life: who sends what where. */
    private record Command(String user, String path, String body) {
    }

    /** Pitch, accept, three placements, submit, approve: 7 commands, about {@value #EVENTS_PER_LIFE} events. */
    private static final class StoryLife {

        private final int number;
        private final int storiesOverAllDays;
        private int step;
        private String storyId;
        private long version = -1;
        private int placements;

        StoryLife(int number, int storiesOverAllDays) {
            this.number = number;
            this.storiesOverAllDays = Math.max(1, storiesOverAllDays);
        }

        boolean done() {
            return step >= 7;
        }

        Command next() {
            return switch (step) {
                case 0 -> new Command("carla", "/api/stories", "{\"title\":\"Apprentices build the robot cell, part "
                        + number + "\",\"angle\":\"Young talent shapes our factory\",\"body\":\"" + BODY
                        + "\",\"desk\":\"HR\",\"audience\":\"B2C\",\"priority\":\"NORMAL\"}");
                case 1 -> new Command("eddie", "/api/stories/" + storyId + "/accept", "{\"assignee\":\"carla\"}");
                case 2, 3, 4 -> new Command("eddie", "/api/stories/" + storyId + "/placements",
                        "{\"channelId\":\"" + CHANNELS[(number + step) % CHANNELS.length] + "\",\"slot\":\"" + slot(step - 2)
                                + "\",\"text\":\"Meet the apprentices who built the robot cell (" + number + "/" + step + ")\"}");
                case 5 -> new Command("carla", "/api/stories/" + storyId + "/submit", null);
                default -> new Command("grace", "/api/stories/" + storyId + "/approvals", "{}");
            };
        }

        /** Spreads the stories evenly over the days, three placements each: about 50 placements a day. */
        private Instant slot(int placement) {
            long day = (long) number * DAYS / storiesOverAllDays % DAYS;
            return FIRST_DAY.plus(day, ChronoUnit.DAYS).plus(8 + 3L * placement + number % 3, ChronoUnit.HOURS);
        }

        void answered(JsonNode story) {
            storyId = story.path("storyId").asText(storyId);
            version = story.path("version").asLong(version);
            if (step >= 2 && step <= 4) {
                placements++;
            }
            step++;
        }
    }

    private HttpResponse<String> send(ServerProcess server, Command command) throws IOException, InterruptedException {
        return http.send(request(server, command), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(ServerProcess server, Command command) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + command.path()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic(command.user()));
        if (command.body() == null) {
            return request.POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(command.body(), StandardCharsets.UTF_8)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static long percentile(List<Long> millis, int percentile) {
        if (millis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }

    private static long max(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
