package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code stories} read model is idempotent and can be rebuilt from the event store. */
class StoryProjectionIT extends ApiIntegrationTest {

    @Autowired
    private StoryProjection projection;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        String desk = uniqueDesk();
        String storyId = publishedStory(desk);
        JsonNode before = story(storyId);

        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        DomainEventStream events = eventStore.readEvents(storyId);
        int delivered = 0;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            handlers.handle(event);
            handlers.handle(event);
            delivered++;
        }

        assertThat(delivered).isEqualTo(history(storyId).size());
        assertThat(story(storyId)).isEqualTo(before);
    }

    @Test
    void replayingTheWholeStoreRebuildsTheSameReadModel() {
        String desk = uniqueDesk();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String storyId : List.of(publishedStory(desk), withdrawnStory(desk), killedStory(desk),
                pitch("carla", content("Only a pitch", desk)))) {
            before.put(storyId, story(storyId));
        }

        TrackingEventProcessor stories = processing
                .eventProcessor(StoryProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        long head = ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();
        stories.shutDown();
        stories.resetTokens();
        // the reset empties the read model; everything after comes from the events alone
        before.keySet().forEach(storyId ->
                assertThat(api.as("victor").get("/api/stories/" + storyId).status()).isEqualTo(404));
        stories.start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(stories.processingStatus().values())
                    .isNotEmpty()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
            before.forEach((storyId, view) ->
                    assertThat(ok(api.as("victor").get("/api/stories/" + storyId)).body()).isEqualTo(view));
        });
        assertThat(ok(api.as("victor").get("/api/stories?desk=" + desk)).body()).hasSize(before.size());
    }

    private String publishedStory(String desk) {
        String storyId = approvedStory(desk);
        ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")));
        return storyId;
    }

    private String withdrawnStory(String desk) {
        String storyId = approvedStory(desk);
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", "2027-03-05T11:00:00Z")));
        ok(api.as("carla").put(path(storyId, "draft"), content("A new title after approval", desk)));
        return storyId;
    }

    private String killedStory(String desk) {
        String storyId = plannedStory(desk);
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/cancel"), Map.of("reason", "no budget")));
        ok(api.as("grace").post(path(storyId, "kill"), Map.of("reason", "The event was cancelled")));
        return storyId;
    }
}
