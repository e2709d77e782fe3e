package newsroom.api.calendar;

import static newsroom.api.ProblemAssert.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The calendar as it stood at an instant ({@code asOf=}), from the calendar's history of the events. */
class CalendarTimeTravelIT extends ApiIntegrationTest {

    private static final String WEEK = "/api/calendar?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z";

    @Test
    void theCalendarShowsThePlacementsAsTheyStoodAtAnInstant() {
        String desk = uniqueDesk();
        String storyId = plannedStory(desk);
        Instant planned = lastEventAt(storyId);
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", "2027-03-05T15:00:00Z")));
        ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/cancel"), Map.of("reason", "legal hold")));
        Instant changed = lastEventAt(storyId);
        Instant beforePitch = Instant.parse(history(storyId).get(0).path("at").asText()).minusMillis(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(entries(desk, changed)).containsExactly(
                    "press@2027-03-04T09:00:00Z CANCELLED", "linkedin@2027-03-05T15:00:00Z PLANNED");
        });
        assertThat(entries(desk, planned)).containsExactly(
                "press@2027-03-04T09:00:00Z PLANNED", "linkedin@2027-03-04T11:00:00Z PLANNED");
        assertThat(entries(desk, beforePitch)).isEmpty();
        assertThat(entries(desk, null)).isEqualTo(entries(desk, changed));
    }

    @Test
    void anInstantMustBeADateTimeWithAnOffset() {
        assertFieldError(api.as("victor").get(WEEK + "&asOf=last-monday"), "asOf", "InvalidFormat");
    }

    private Instant lastEventAt(String storyId) {
        JsonNode history = history(storyId);
        return Instant.parse(history.get(history.size() - 1).path("at").asText());
    }

    private List<String> entries(String desk, Instant asOf) {
        JsonNode calendar = ok(api.as("victor").get(WEEK + "&desk=" + desk + (asOf == null ? "" : "&asOf=" + asOf)))
                .body();
        List<String> entries = new ArrayList<>();
        calendar.path("entries").forEach(entry -> entries.add(entry.path("placementId").asText() + "@"
                + entry.path("slot").asText() + " " + entry.path("status").asText()));
        return entries;
    }
}
