package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Newsroom stops and starts again on the same store: a delivery in the middle of its retries carries on under
 * the same idempotency key, and slots that passed while it was down are published marked late or held for an
 * editor, as each channel says.
 */
class PublishingRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void retriesAndMissedSlotsSurviveARestart() throws Exception {
        Map<String, Object> store = StandaloneServer.freshStore();
        Map<String, Object> properties = new LinkedHashMap<>(PublishingFlows.quickRetries(store));
        properties.put("newsroom.publishing.max-attempts", "50"); // keeps retrying until the restart
        properties.put("newsroom.publishing.late-after", "2s");
        try (WebhookReceiver receiver = new WebhookReceiver(PublishingFlows.SECRET).start()) {
            receiver.answer(() -> 503);
            String retrying;
            String late;
            String held;
            Instant slot;
            try (ConfigurableApplicationContext first = StandaloneServer.start(properties, "demo")) {
                PublishingFlows flows = new PublishingFlows(new ApiClient(StandaloneServer.port(first)));
                flows.connect("intranet", receiver.url(), "PUBLISH_LATE");
                flows.connect("newsletter", receiver.url(), "PUBLISH_LATE");
                flows.connect("corporate-blog", receiver.url(), "HOLD");
                retrying = flows.approvedStory("intranet", Instant.parse("2027-06-01T09:00:00Z"));
                flows.publish(retrying);
                await().atMost(PATIENCE).until(() -> flows.placement(retrying).path("delivery").asText().equals("RETRYING"));

                slot = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
                late = flows.approvedStory("newsletter", slot);
                held = flows.approvedStory("corporate-blog", slot);
                assertThat(Instant.now()).as("the server stops before the slot").isBefore(slot);
            }
            int attemptsBeforeRestart = receiver.received().size();
            assertThat(attemptsBeforeRestart).isPositive();
            await().atMost(Duration.ofSeconds(90)).until(() -> Instant.now().isAfter(slot.plusSeconds(3)));
            receiver.answer(() -> 200);

            try (ConfigurableApplicationContext second = StandaloneServer.start(properties, "demo")) {
                ApiClient api = new ApiClient(StandaloneServer.port(second));
                PublishingFlows flows = new PublishingFlows(api);

                await().atMost(PATIENCE).until(() -> flows.placement(retrying).path("delivery").asText().equals("DELIVERED"));
                var forRetrying = receiver.received().stream().filter(r -> r.body().contains(retrying)).toList();
                assertThat(forRetrying.size()).isGreaterThan(attemptsBeforeRestart - 1);
                assertThat(forRetrying).extracting(WebhookReceiver.Received::webhookId)
                        .containsOnly(forRetrying.get(0).webhookId());
                assertThat(forRetrying).filteredOn(r -> r.answered() == 200).hasSize(1);

                await().atMost(PATIENCE).until(() -> flows.placement(late).path("delivery").asText().equals("DELIVERED"));
                JsonNode published = flows.placement(late);
                assertThat(published.path("publishedBy").asText()).isEqualTo("system:scheduler");
                assertThat(Instant.parse(published.path("missedSlot").asText())).isEqualTo(slot);
                JsonNode payload = ApiClient.JSON.readTree(receiver.accepted().stream()
                        .filter(r -> r.body().contains(late)).findFirst().orElseThrow().body());
                assertThat(payload.path("late").asBoolean()).isTrue();
                assertThat(payload.path("publishedBy").path("automatic").asBoolean()).isTrue();

                await().atMost(PATIENCE).until(() -> flows.placement(held).path("heldFor").asText().equals("MissedSlotHeld"));
                assertThat(flows.placement(held).path("status").asText()).isEqualTo("PLANNED");
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        PublishingFlows.ok(api.as("eddie").get("/api/notifications")).findValuesAsText("kind"))
                        .contains("PUBLICATION_HELD"));
                assertThat(receiver.accepted()).as("nothing of the held placement went out").hasSize(2);
                // the editor decides: published by a person, on time or not (and delivered at once)
                assertThat(flows.publish(held).path("placements").get(0).path("publishedBy").asText()).isEqualTo("eddie");
                await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 3);
            }
        } finally {
            StandaloneServer.remove(store);
        }
    }
}
