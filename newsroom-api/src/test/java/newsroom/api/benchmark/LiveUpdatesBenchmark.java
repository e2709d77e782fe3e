package newsroom.api.benchmark;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsroom.api.NewsroomApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Push latency with many dashboards open: starts the server on loopback (embedded store in a temp
 * directory), connects {@code benchmark.clients} STOMP clients (200) subscribed to the board, pitches a
 * story {@code benchmark.rate} times a second (5) for {@code benchmark.seconds} (60), and prints
 * p50/p95/p99 of "command accepted → every subscriber received" and the projections' lag.
 * Not a test: run it with {@code ./mvnw -B -Pbenchmark verify} (see README). Bounded in count and time.
 */
class LiveUpdatesBenchmark {

    private static final String PASSWORD = "newsroom-demo";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void pushLatencyWithManySubscribers() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 200);
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int rate = Integer.getInteger("benchmark.rate", 5);
        Path dataDir = Files.createTempDirectory("newsroom-benchmark");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(NewsroomApplication.class)
                .profiles("demo")
                // arguments, not default properties: application.yml would override those (port 8080, ./data)
                .run("--server.port=0", "--server.address=127.0.0.1", "--newsroom.mongodb.data-dir=" + dataDir,
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            run(port, clients, seconds, rate);
        }
    }

    private void run(int port, int clientCount, int seconds, int rate) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // storyId → (number of subscribers that received its StoryPitched, time the last one did)
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        Map<String, AtomicLong> lastReceivedAt = new ConcurrentHashMap<>();

        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.initialize();
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new MappingJackson2MessageConverter());
        stomp.setTaskScheduler(heartbeats);
        List<StompSession> sessions = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < clientCount; i++) {
            StompHeaders connect = new StompHeaders();
            connect.setLogin("victor");
            connect.setPasscode(PASSWORD);
            StompSession session = stomp.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                    new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
            session.subscribe("/topic/board", new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return JsonNode.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    long now = System.nanoTime();
                    JsonNode update = (JsonNode) payload;
                    if ("StoryPitched".equals(update.path("type").asText())) {
                        String storyId = update.path("storyId").asText();
                        received.computeIfAbsent(storyId, id -> new AtomicInteger()).incrementAndGet();
                        lastReceivedAt.computeIfAbsent(storyId, id -> new AtomicLong()).accumulateAndGet(now, Math::max);
                    }
                }
            });
            sessions.add(session);
        }
        System.out.printf("connected %d STOMP clients in %d ms%n", clientCount,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart));
        Thread.sleep(500); // let the subscriptions register

        Map<String, long[]> commands = new ConcurrentHashMap<>(); // storyId → {sent, accepted}
        List<Long> lagSamples = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        String carla = basic("carla");
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
        senders.scheduleAtFixedRate(() -> {
            int n = counter.incrementAndGet();
            String body = "{\"title\":\"Benchmark story " + n + "\",\"desk\":\"bench\",\"priority\":\"NORMAL\"}";
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/stories"))
                        .header("Authorization", carla).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                long accepted = System.nanoTime();
                if (response.statusCode() != 201) {
                    failures.incrementAndGet();
                    return;
                }
                commands.put(json.readTree(response.body()).path("storyId").asText(), new long[] {sent, accepted});
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        String ada = basic("ada");
        sampler.scheduleAtFixedRate(() -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/projections")).header("Authorization", ada)
                        .build(), HttpResponse.BodyHandlers.ofString());
                JsonNode status = json.readTree(response.body());
                long head = status.path("head").asLong();
                for (JsonNode projection : status.path("projections")) {
                    if (projection.path("name").asText().equals("calendar")) {
                        lagSamples.add(head - projection.path("position").asLong());
                    }
                }
            } catch (Exception ignored) {
                // a missed sample is only a missed sample
            }
        }, 500, 1000, TimeUnit.MILLISECONDS);

        Thread.sleep(seconds * 1000L);
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        sampler.shutdownNow();
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < drainDeadline && !allDelivered(commands, received, clientCount)) {
            Thread.sleep(100);
        }

        List<Long> fromAccepted = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>();
        int incomplete = 0;
        for (Map.Entry<String, long[]> command : commands.entrySet()) {
            AtomicInteger count = received.get(command.getKey());
            if (count == null || count.get() < clientCount) {
                incomplete++;
                continue;
            }
            long last = lastReceivedAt.get(command.getKey()).get();
            fromAccepted.add(last - command.getValue()[1]);
            fromSent.add(last - command.getValue()[0]);
        }
        sessions.forEach(StompSession::disconnect);
        stomp.stop();
        heartbeats.shutdown();

        System.out.printf("%n=== Live update benchmark: %d clients, %d commands/s for %d s (server in the same JVM) ===%n",
                clientCount, rate, seconds);
        System.out.printf("commands accepted: %d, failed: %d, not delivered to every client: %d%n",
                commands.size(), failures.get(), incomplete);
        System.out.printf("push latency, command accepted -> every subscriber received: %s%n", percentiles(fromAccepted));
        System.out.printf("push latency, command sent     -> every subscriber received: %s%n", percentiles(fromSent));
        System.out.printf("calendar projection lag (commits behind the head, sampled 1/s): %s%n",
                lagPercentiles(lagSamples));
    }

    private static boolean allDelivered(Map<String, long[]> commands, Map<String, AtomicInteger> received, int clients) {
        return commands.keySet().stream().allMatch(id -> received.containsKey(id) && received.get(id).get() >= clients);
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                ms(pick(sorted, 0.50)), ms(pick(sorted, 0.95)), ms(pick(sorted, 0.99)), ms(sorted.get(sorted.size() - 1)),
                sorted.size());
    }

    private static String lagPercentiles(List<Long> samples) {
        if (samples.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return String.format("p50 %d, p95 %d, max %d (n=%d)", pick(sorted, 0.50), pick(sorted, 0.95),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long pick(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
