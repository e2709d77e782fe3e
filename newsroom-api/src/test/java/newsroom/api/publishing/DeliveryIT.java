package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.StandaloneServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Delivery to channels' systems against real HTTP receivers on loopback, on a server and store of its own (its
 * connectors must not reach other tests' stories). Retries are configured a few hundred milliseconds apart.
 */
class DeliveryIT {

    private static final Instant SLOT = Instant.parse("2027-06-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Map<String, Object> store;
    private static ConfigurableApplicationContext server;
    private static ApiClient api;
    private static PublishingFlows flows;

    @BeforeAll
    static void startServer() {
        store = StandaloneServer.freshStore();
        server = StandaloneServer.start(PublishingFlows.quickRetries(store), "demo");
        api = new ApiClient(StandaloneServer.port(server));
        flows = new PublishingFlows(api);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        StandaloneServer.remove(store);
    }

    @Test
    void aFirstAttemptThatFailsIsRetriedAndTheSecondIsDeliveredUnderTheSameKeyAndSignature() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(PublishingFlows.SECRET).start()) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answer(() -> calls.incrementAndGet() == 1 ? 503 : 200);
            flows.connect("intranet", receiver.url(), "PUBLISH_LATE");
            String storyId = flows.approvedStory("intranet", SLOT);

            flows.publish(storyId);

            await().atMost(PATIENCE).until(() -> flows.placement(storyId).path("delivery").asText().equals("DELIVERED"));
            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received).hasSize(2);
            assertThat(received).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(received).extracting(WebhookReceiver.Received::answered).containsExactly(503, 200);
            assertThat(received.get(1).webhookId()).isEqualTo(received.get(0).webhookId());
            assertThat(received.get(1).body()).isEqualTo(received.get(0).body());

            JsonNode payload = ApiClient.JSON.readTree(received.get(1).body());
            assertThat(payload.path("type").asText()).isEqualTo("placement.published");
            assertThat(payload.path("idempotencyKey").asText()).isEqualTo(received.get(0).webhookId());
            assertThat(payload.path("story").path("storyId").asText()).isEqualTo(storyId);
            assertThat(payload.path("placement").path("text").asText()).isEqualTo("Text for intranet");
            assertThat(payload.path("publishedBy").path("username").asText()).isEqualTo("eddie");
            assertThat(payload.path("publishedBy").path("automatic").asBoolean()).isFalse();
            assertThat(payload.path("approvals").get(0).path("approvedBy").asText()).isEqualTo("grace");

            JsonNode placement = flows.placement(storyId);
            assertThat(placement.path("deliveryAttempts").asInt()).isEqualTo(2);
            assertThat(flows.eventTypes(storyId)).containsSubsequence("PlacementPublished", "PlacementDeliveryRetrying",
                    "PlacementDelivered");
        }
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsTheDeliveryWhenItIsBack() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(PublishingFlows.SECRET).start()) {
            flows.connect("newsletter", receiver.url(), "PUBLISH_LATE");
            receiver.stop();
            String storyId = flows.approvedStory("newsletter", SLOT);
            flows.publish(storyId);

            await().atMost(PATIENCE).until(() -> flows.placement(storyId).path("delivery").asText().equals("RETRYING"));
            assertThat(flows.placement(storyId).path("deliveryDetail").asText()).isEqualTo("connection refused");
            receiver.start();

            await().atMost(PATIENCE).until(() -> flows.placement(storyId).path("delivery").asText().equals("DELIVERED"));
            assertThat(receiver.accepted()).hasSize(1);
            assertThat(receiver.accepted().get(0).signatureValid()).isTrue();
        }
    }

    @Test
    void aDeliveryThatRunsOutOfAttemptsFailsTellsTheEditorsAndIsRedeliveredByOne() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(PublishingFlows.SECRET).start()) {
            receiver.answer(() -> 500);
            flows.connect("corporate-blog", receiver.url(), "PUBLISH_LATE");
            String storyId = flows.approvedStory("corporate-blog", SLOT);
            flows.publish(storyId);

            await().atMost(PATIENCE).until(() -> flows.placement(storyId).path("delivery").asText().equals("FAILED"));
            JsonNode failed = flows.placement(storyId);
            assertThat(failed.path("deliveryAttempts").asInt()).isEqualTo(4);
            assertThat(failed.path("deliveryDetail").asText()).isEqualTo("HTTP 500");
            assertThat(failed.path("allowedActions").toString()).contains("REDELIVER_PLACEMENT");
            assertThat(receiver.received()).hasSize(4);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                    PublishingFlows.ok(api.as("eddie").get("/api/notifications")).findValuesAsText("kind"))
                    .contains("DELIVERY_FAILED"));

            // a governance lead may not redeliver; an editor may, once the receiver works again
            assertThat(api.as("grace").post(PublishingFlows.path(storyId, "placements/p1/redeliver")).status())
                    .isEqualTo(403);
            receiver.answer(() -> 200);
            JsonNode redelivering = PublishingFlows.ok(api.as("eddie").post(PublishingFlows.path(storyId,
                    "placements/p1/redeliver"))).path("placements").get(0);
            assertThat(redelivering.path("delivery").asText()).isIn("PENDING", "DELIVERED");

            await().atMost(PATIENCE).until(() -> flows.placement(storyId).path("delivery").asText().equals("DELIVERED"));
            assertThat(receiver.accepted()).hasSize(1);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::webhookId).containsOnly(
                    receiver.received().get(0).webhookId());

            ApiClient.Response again = api.as("eddie").post(PublishingFlows.path(storyId, "placements/p1/redeliver"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().path("rule").asText()).isEqualTo("DeliveryNotFailed");
        }
    }

    @Test
    void aHangingReceiverHoldsUpOnlyItsOwnChannel() throws Exception {
        try (WebhookReceiver hanging = new WebhookReceiver(PublishingFlows.SECRET).start();
             WebhookReceiver prompt = new WebhookReceiver(PublishingFlows.SECRET).start()) {
            hanging.answer(() -> WebhookReceiver.HANG);
            flows.connect("youtube", hanging.url(), "PUBLISH_LATE");
            flows.connect("podcast", prompt.url(), "PUBLISH_LATE");
            List<String> stuck = List.of(flows.approvedStory("youtube", SLOT), flows.approvedStory("youtube", SLOT),
                    flows.approvedStory("youtube", SLOT), flows.approvedStory("youtube", SLOT),
                    flows.approvedStory("youtube", SLOT));
            stuck.forEach(flows::publish);
            await().atMost(PATIENCE).until(() -> hanging.calls() >= 4); // every permit of the channel is taken
            String storyId = flows.approvedStory("podcast", SLOT);
            flows.publish(storyId);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> flows.placement(storyId).path("delivery").asText().equals("DELIVERED"));
            assertThat(stuck).allMatch(id -> !flows.placement(id).path("delivery").asText().equals("DELIVERED"));
        }
    }

    @Test
    void theSecretIsWriteOnlyAndOnlyAnAdminSetsConnectors() {
        flows.connect("event", "http://127.0.0.1:9/hooks", "HOLD");
        ApiClient.Response read = api.as("ada").get("/api/admin/channels/event/connector");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.rawBody()).doesNotContain(PublishingFlows.SECRET);
        assertThat(read.body().path("secretSet").asBoolean()).isTrue();
        assertThat(read.body().path("missedSlot").asText()).isEqualTo("HOLD");
        assertThat(api.as("ada").get("/api/admin/connectors").rawBody()).doesNotContain(PublishingFlows.SECRET);
        assertThat(api.as("eddie").get("/api/admin/connectors").status()).isEqualTo(403);
        assertThat(api.as("eddie").put("/api/admin/channels/event/connector",
                Map.of("url", "http://127.0.0.1:9/x", "missedSlot", "HOLD")).status()).isEqualTo(403);
    }

    @Test
    void connectorInputIsCheckedNamingTheFieldAndRule() {
        assertRefused(Map.of("url", "ftp://example.org/x", "secret", PublishingFlows.SECRET, "missedSlot", "HOLD"),
                "url", "WebhookUrl");
        assertRefused(Map.of("url", "http://127.0.0.1:9/x", "secret", "short", "missedSlot", "HOLD"),
                "secret", "WebhookSecretLength");
        assertRefused(Map.of("url", "http://127.0.0.1:9/x", "missedSlot", "HOLD"), "secret", "WebhookSecretRequired");
        assertRefused(Map.of("url", "http://127.0.0.1:9/x", "secret", PublishingFlows.SECRET), "missedSlot", "NotNull");
        assertRefused(Map.of("missedSlot", "SOMETIMES"), "missedSlot", "InvalidFormat");
        ApiClient.Response unknown = api.as("ada").put("/api/admin/channels/telegraph/connector",
                Map.of("missedSlot", "HOLD"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("type").asText()).isEqualTo("/problems/channel-not-found");
        assertThat(api.as("ada").get("/api/admin/channels/x/connector").body().path("secretSet").asBoolean()).isFalse();
    }

    private static void assertRefused(Map<String, Object> body, String field, String rule) {
        ApiClient.Response refused = api.as("ada").put("/api/admin/channels/x/connector", body);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").get(0).path("field").asText()).as("%s", refused).isEqualTo(field);
        assertThat(refused.body().path("errors").get(0).path("rule").asText()).as("%s", refused).isEqualTo(rule);
    }
}
