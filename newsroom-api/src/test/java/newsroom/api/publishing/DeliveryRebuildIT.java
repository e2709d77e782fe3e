package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded store rebuilds its read models' file from the events when it is lost or moved aside; what was
 * delivered to channels is not in that file (deliveries are facts of the outside world, kept with the events), so the
 * rebuilt delivery outbox, going over every publication again, sends nothing a second time.
 */
class DeliveryRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aDeliveredPublicationIsNotSentAgainWhenTheReadModelsAreRebuilt() throws Exception {
        Map<String, Object> store = StandaloneServer.freshStore();
        assumeTrue(store.containsKey("newsroom.mongodb.data-dir"), "the embedded store only");
        Map<String, Object> properties = PublishingFlows.quickRetries(store);
        try (WebhookReceiver receiver = new WebhookReceiver(PublishingFlows.SECRET).start()) {
            receiver.answer(() -> 200);
            String storyId;
            try (ConfigurableApplicationContext first = StandaloneServer.start(properties, "demo")) {
                PublishingFlows flows = new PublishingFlows(new ApiClient(StandaloneServer.port(first)));
                flows.connect("intranet", receiver.url(), "PUBLISH_LATE");
                storyId = flows.approvedStory("intranet", Instant.parse("2027-06-01T09:00:00Z"));
                flows.publish(storyId);
                await().atMost(PATIENCE).until(() -> flows.placement(storyId).path("delivery").asText().equals("DELIVERED"));
            }
            assertThat(receiver.received()).hasSize(1);
            Files.delete(Path.of((String) store.get("newsroom.mongodb.data-dir")).resolve("newsroom-read-models.mv"));

            try (ConfigurableApplicationContext second = StandaloneServer.start(properties, "demo")) {
                ApiClient api = new ApiClient(StandaloneServer.port(second));
                PublishingFlows flows = new PublishingFlows(api);
                await().atMost(PATIENCE).untilAsserted(() -> {
                    JsonNode projections = PublishingFlows.ok(api.as("ada").get("/api/admin/projections"))
                            .path("projections");
                    assertThat(projections).isNotEmpty().allSatisfy(projection ->
                            assertThat(projection.path("caughtUp").asBoolean()).as("%s", projection).isTrue());
                });
                assertThat(flows.placement(storyId).path("delivery").asText()).isEqualTo("DELIVERED");
                Thread.sleep(2_000); // twenty polls of the dispatcher: anything queued again would have gone out
                assertThat(receiver.received()).hasSize(1);
            } finally {
                StandaloneServer.remove(store);
            }
        }
    }
}
