package newsroom.api.benchmark;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.NewsroomApplication;
import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.publishing.WebhookReceiver;
import newsroom.api.story.StoryReadModel;
import newsroom.channel.Channel;
import newsroom.governance.ApprovalPolicy;
import newsroom.story.Approval;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.Audience;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.Priority;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryContent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Automatic publication and delivery under a busy minute: starts the server on loopback (embedded store in a
 * temp directory) and a webhook receiver on loopback for every channel, writes {@code benchmark.placements}
 * (1,000) approved placements — {@code benchmark.stories} (100) stories with ten placements each — whose slots
 * fall due within one minute, and prints p50/p99/max of slot → publication (the event's publishedAt) and
 * publication → delivery (the receiver's clock, same JVM). Setup must finish before the first slot
 * ({@code benchmark.setup-seconds}, 90). Bounded in count and time. Run with {@code ./mvnw -B -Pbenchmark verify}.
 */
class PublishingBenchmark {

    private static final List<String> CHANNELS = List.of("corporate-blog", "newsletter", "intranet", "linkedin", "x",
            "instagram", "facebook", "youtube", "livestream", "podcast");
    private static final String SECRET = "benchmark-secret-for-the-receivers";

    @Test
    void slotToPublicationAndPublicationToDelivery() throws Exception {
        int placements = Integer.getInteger("benchmark.placements", 1000);
        int stories = placements / CHANNELS.size();
        int setupSeconds = Integer.getInteger("benchmark.setup-seconds", 90);
        Path dataDir = Files.createTempDirectory("newsroom-publishing-benchmark");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET).start();
             ConfigurableApplicationContext server = new SpringApplicationBuilder(NewsroomApplication.class)
                     .profiles("demo")
                     .run("--server.port=0", "--server.address=127.0.0.1", "--newsroom.mongodb.data-dir=" + dataDir,
                             "--logging.level.root=WARN")) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) server).getWebServer().getPort());
            for (String channel : CHANNELS) {
                check(api.as("ada").put("/api/admin/channels/" + channel + "/connector",
                        Map.of("url", receiver.url(), "secret", SECRET, "missedSlot", "PUBLISH_LATE")));
            }
            // slots spread evenly over one minute; one story's placements are six seconds apart. The approved
            // stories are written straight into the event store (as their commands would have written them), so
            // preparing them does not depend on how fast this shared machine answers 1,400 commands
            Instant firstSlot = Instant.now().plusSeconds(setupSeconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            long step = 60_000L / placements;
            Map<String, Instant> slots = new LinkedHashMap<>();
            List<String> storyIds = new ArrayList<>();
            EventStorageEngine events = server.getBean(EventStorageEngine.class);
            ChannelCatalogue channels = server.getBean(ChannelCatalogue.class);
            Instant setupStarted = Instant.now();
            for (int s = 0; s < stories; s++) {
                String storyId = "bench-" + s + "-" + UUID.randomUUID().toString().substring(0, 8);
                storyIds.add(storyId);
                events.appendEvents(approvedStory(storyId, s, stories, channels, firstSlot, step, slots));
            }
            // the schedule is ready when the server shows every story approved
            // (a story not projected yet answers 404 meanwhile)
            Map<String, Long> shown = Map.of();
            while (!Instant.now().isAfter(firstSlot)) {
                shown = storyIds.stream().collect(Collectors.groupingBy(id -> shownStatus(api.as("victor")
                        .get("/api/stories/" + id)), TreeMap::new, Collectors.counting()));
                if (shown.getOrDefault("APPROVED", 0L) == storyIds.size()) {
                    break;
                }
                Thread.sleep(500);
            }
            Instant setupDone = Instant.now();
            System.out.printf("PublishingBenchmark: prepared %d placements on %d stories in %d s; first slot %s%n",
                    slots.size(), stories, Duration.between(setupStarted, setupDone).toSeconds(), firstSlot);
            if (setupDone.isAfter(firstSlot)) {
                throw new IllegalStateException("setup ran past the first slot (the stories show " + shown
                        + "); raise -Dbenchmark.setup-seconds");
            }

            Instant lastSlot = firstSlot.plusMillis(step * (slots.size() - 1));
            // this JVM's CPU (server and receiver; the receiver's share is small) from the first slot until every
            // delivery arrived and the stories read model shows every publication, and the machine's load: the
            // figures are only comparable at a similar load
            await().atMost(Duration.between(Instant.now(), firstSlot).plusSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !Instant.now().isBefore(firstSlot));
            long cpuAtFirstSlot = processCpuNanos();
            Map<Long, Long> threadCpuAtFirstSlot = threadCpuNanos();
            double loadAtFirstSlot = loadAverage();
            await().atMost(Duration.between(Instant.now(), lastSlot).plusMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> receiver.accepted().size() >= slots.size());
            // deliveries do not wait for the stories read model, so it may still be catching up with the publications
            StoryReadModel storiesReadModel = server.getBean(StoryReadModel.class);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> storiesReadModel.findAll(storyIds).values().stream()
                            .flatMap(story -> story.placements.stream()).filter(p -> p.publishedAt != null).count()
                            >= slots.size());
            long cpuMillis = (processCpuNanos() - cpuAtFirstSlot) / 1_000_000;
            Map<String, Long> cpuByThreadGroup = cpuByThreadGroup(threadCpuAtFirstSlot);
            double loadAtEnd = loadAverage();

            List<Long> slotToPublication = new ArrayList<>();
            List<Long> publicationToDelivery = new ArrayList<>();
            Map<String, Instant> deliveredAt = new LinkedHashMap<>();
            for (WebhookReceiver.Received received : receiver.accepted()) {
                JsonNode payload = ApiClient.JSON.readTree(received.body());
                deliveredAt.put(payload.path("story").path("storyId").asText() + "/"
                        + payload.path("placement").path("placementId").asText(), received.at());
            }
            int late = 0;
            for (String storyId : storyIds) {
                for (JsonNode placement : check(api.as("victor").get("/api/stories/" + storyId)).path("placements")) {
                    String key = storyId + "/" + placement.path("placementId").asText();
                    Instant publishedAt = Instant.parse(placement.path("publishedAt").asText());
                    slotToPublication.add(Duration.between(slots.get(key), publishedAt).toMillis());
                    publicationToDelivery.add(Duration.between(publishedAt, deliveredAt.get(key)).toMillis());
                    late += placement.path("missedSlot").isTextual() ? 1 : 0;
                }
            }
            System.out.printf("PublishingBenchmark: %d placements due within one minute, %d published late, %d deliveries"
                            + " (%d requests)%n", slotToPublication.size(), late, deliveredAt.size(),
                    receiver.received().size());
            print("slot -> publication", slotToPublication);
            print("publication -> delivery", publicationToDelivery);
            System.out.printf("PublishingBenchmark: CPU of this JVM from the first slot to the last delivery %d ms, %.1f ms"
                            + " per placement (publish + deliver + record); load average %.1f at the first slot, %.1f at"
                            + " the end (%d cores)%n", cpuMillis, (double) cpuMillis / slotToPublication.size(),
                    loadAtFirstSlot, loadAtEnd, Runtime.getRuntime().availableProcessors());
            long placed = slotToPublication.size();
            cpuByThreadGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
                    .forEach(group -> System.out.printf("PublishingBenchmark:   %-40s %6d ms  %5.1f ms per placement%n",
                            group.getKey(), group.getValue() / 1_000_000, group.getValue() / 1e6 / placed));
        }
    }

    /** One command's worth of events per step of the workflow, as the aggregate records them, in one commit. */
    private static List<DomainEventMessage<?>> approvedStory(String storyId, int story, int stories,
                                                            ChannelCatalogue channels, Instant firstSlot, long step,
                                                            Map<String, Instant> slots) {
        List<DomainEventMessage<?>> commit = new ArrayList<>();
        Instant now = Instant.now();
        StoryContent content = new StoryContent("Benchmark story " + story, "Busy minute", "Ten channels, one minute.",
                "bench", Audience.B2B, null, Priority.NORMAL, null, null);
        add(commit, storyId, "carla", new StoryPitchedEvent(storyId, content, "carla", now), now);
        add(commit, storyId, "eddie", new PitchAcceptedEvent(storyId, "eddie", "carla"), now);
        long contentVersion = 1;
        for (int p = 0; p < CHANNELS.size(); p++) {
            Channel channel = channels.find(CHANNELS.get(p)).orElseThrow();
            Instant slot = firstSlot.plusMillis(step * ((long) p * stories + story));
            contentVersion++;
            add(commit, storyId, "eddie", new PlacementPlannedEvent(storyId, "p" + p, channel.id(), channel.name(),
                    channel.kind(), Set.of(ApprovalPolicy.COMMUNICATIONS), slot, "Post " + p, "eddie", contentVersion), now);
            slots.put(storyId + "/p" + p, slot);
        }
        add(commit, storyId, "carla", new StorySubmittedEvent(storyId, "carla", contentVersion,
                Set.of(ApprovalPolicy.COMMUNICATIONS)), now);
        add(commit, storyId, "grace", new ApprovalGrantedEvent(storyId, ApprovalPolicy.COMMUNICATIONS, "grace",
                contentVersion, Set.of()), now);
        add(commit, storyId, "grace", new StoryApprovedEvent(storyId, contentVersion,
                List.of(new Approval(ApprovalPolicy.COMMUNICATIONS, "grace", contentVersion))), now);
        return commit;
    }

    private static void add(List<DomainEventMessage<?>> commit, String storyId, String user, Object payload, Instant at) {
        long seq = commit.size();
        commit.add(new GenericDomainEventMessage<>("Story", storyId, seq, payload,
                Map.of("username", user, "correlationId", storyId + "-bench"), storyId + "#" + seq, at));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of every live thread, by id. */
    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /**
     * CPU used since {@code before} by the threads alive now, by name with numbers taken out (so the workers of one
     * pool add up); threads that ended meanwhile are left out, so the groups add up to less than the total.
     */
    private static Map<String, Long> cpuByThreadGroup(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new LinkedHashMap<>();
        threadCpuNanos().forEach((id, nanos) -> {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null) {
                groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"), nanos - before.getOrDefault(id, 0L),
                        Long::sum);
            }
        });
        return groups;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The story's status as the server shows it ("not projected yet" for a 404); any other answer is a failure. */
    private static String shownStatus(ApiClient.Response story) {
        return story.status() == 404 ? "not projected yet" : check(story).path("status").asText();
    }

    private static JsonNode check(ApiClient.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("unexpected answer: " + response);
        }
        return response.body();
    }

    private static void print(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("PublishingBenchmark: %-24s p50 %5d ms  p99 %5d ms  max %5d ms  (n=%d)%n", what,
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
