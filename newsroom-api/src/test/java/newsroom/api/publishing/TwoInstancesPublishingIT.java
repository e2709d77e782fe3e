package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newsroom.api.ApiClient;
import newsroom.api.StandaloneServer;
import newsroom.api.TestStore;
import newsroom.api.storage.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two servers on one store, both running the clock and the dispatcher: one slot, one publication, one delivery. */
class TwoInstancesPublishingIT {

    @Test
    void twoServersPublishAndDeliverEachPlacementOnce() throws Exception {
        Map<String, Object> store = StandaloneServer.freshStore();
        try (WebhookReceiver receiver = new WebhookReceiver(PublishingFlows.SECRET).start();
             ConfigurableApplicationContext first = StandaloneServer.start(PublishingFlows.quickRetries(store), "demo")) {
            Map<String, Object> sameStore = new java.util.LinkedHashMap<>(PublishingFlows.quickRetries(store));
            if (store.containsKey("newsroom.mongodb.data-dir")) {
                sameStore.put("newsroom.mongodb.uri", first.getBean(EmbeddedMongoServer.class).connectionString());
            } else {
                sameStore.put("newsroom.mongodb.uri", TestStore.withDatabase(TestStore.externalUri().orElseThrow(),
                        (String) store.get("newsroom.mongodb.database")));
            }
            try (ConfigurableApplicationContext second = StandaloneServer.start(sameStore, "demo")) {
                PublishingFlows flows = new PublishingFlows(new ApiClient(StandaloneServer.port(first)));
                PublishingFlows other = new PublishingFlows(new ApiClient(StandaloneServer.port(second)));
                flows.connect("linkedin", receiver.url(), "PUBLISH_LATE");
                Instant slot = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
                List<String> stories = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    stories.add((i % 2 == 0 ? flows : other).approvedStory("linkedin", slot));
                }

                await().atMost(Duration.ofSeconds(90)).until(() -> stories.stream()
                        .allMatch(id -> other.placement(id).path("delivery").asText().equals("DELIVERED")));
                for (String storyId : stories) {
                    assertThat(flows.eventTypes(storyId)).containsOnlyOnce("PlacementPublished");
                    assertThat(flows.placement(storyId).path("publishedBy").asText()).isEqualTo("system:scheduler");
                }
                // and nothing more arrives afterwards
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> receiver.received().size() == stories.size());
                assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::webhookId).doesNotHaveDuplicates()
                        .hasSize(stories.size());
            }
        } finally {
            StandaloneServer.remove(store);
        }
    }
}
