package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import newsroom.api.ApiIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A projection's position is known on every server instance, also where its processor does not run. */
class ProjectionPositionsIT extends ApiIntegrationTest {

    @Autowired
    private ProjectionPositions positions;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore events;

    @Test
    void whereTheProcessorDoesNotRunThePositionIsTheTokenItLastStored() {
        ok(api.as("eddie").put("/api/campaigns/positions-" + uniqueDesk(), Map.of("name", "Positions")));
        long head = events.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.position("campaigns") >= head);
        assertThat(positions.runsHere("campaigns")).isTrue();

        StreamingEventProcessor campaigns = processing.eventProcessor("campaigns", StreamingEventProcessor.class)
                .orElseThrow();
        campaigns.shutDown();
        try {
            // as on an instance that does not hold the segment: no live status, only the stored token
            assertThat(positions.runsHere("campaigns")).isFalse();
            assertThat(positions.position("campaigns")).isGreaterThanOrEqualTo(head);
        } finally {
            campaigns.start();
        }
    }
}
