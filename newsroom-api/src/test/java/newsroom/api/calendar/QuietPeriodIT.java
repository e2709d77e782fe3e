package newsroom.api.calendar;

import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Quiet periods hold: planning, moving and publishing into one is refused unless a lead overrode it for the placement. */
class QuietPeriodIT extends ApiIntegrationTest {

    private String define(String name, String channel, Instant from, Instant to) {
        Response defined = api.as("grace").post("/api/blackouts", Map.of("name", name, "channels", List.of(channel),
                "from", from.toString(), "to", to.toString(), "reason", "quiet before " + name));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        return defined.body().path("blackoutId").asText();
    }

    /** carla pitches it, eddie accepts it: ready for placements. */
    private String acceptedStory(String title) {
        String storyId = pitch("carla", content(title, uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        return storyId;
    }

    private static String rule(Response refused) {
        return assertProblem(refused, 409).path("rule").asText();
    }

    private JsonNode entry(String storyId, String placementId, Instant day) {
        JsonNode calendar = ok(api.as("victor").get("/api/calendar?from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS)))
                .body();
        for (JsonNode entry : calendar.path("entries")) {
            if (entry.path("entryId").asText().equals(storyId + ":" + placementId)) {
                return entry;
            }
        }
        throw new AssertionError("no calendar entry for " + placementId);
    }

    @Test
    void planningIntoAQuietPeriodIsRefusedUntilALeadOverridesItForThatPlacement() {
        Instant day = Instant.parse("2027-07-05T00:00:00Z");
        String quiet = define("H1 results", "x", day, day.plus(1, ChronoUnit.DAYS));
        String storyId = acceptedStory("Results teaser");
        Map<String, Object> post = placement("teaser", "x", day.plusSeconds(10 * 3600), "Tomorrow: results");

        Response refused = api.as("eddie").post(path(storyId, "placements"), post);
        assertThat(rule(refused)).isEqualTo("QuietPeriodInForce");
        assertThat(refused.body().path("detail").asText()).contains("H1 results");

        // an editor cannot override; a lead can, with a reason, before the placement exists
        assertThat(assertProblem(api.as("eddie").post(path(storyId, "placements/teaser/quiet-period-overrides"),
                Map.of("blackoutId", quiet, "reason", "please")), 403).path("action").asText())
                .isEqualTo("OVERRIDE_QUIET_PERIOD");
        ok(api.as("grace").post(path(storyId, "placements/teaser/quiet-period-overrides"),
                Map.of("blackoutId", quiet, "reason", "agreed with investor relations")));
        assertThat(rule(api.as("grace").post(path(storyId, "placements/teaser/quiet-period-overrides"),
                Map.of("blackoutId", quiet, "reason", "again")))).isEqualTo("QuietPeriodAlreadyOverridden");

        JsonNode planned = ok(api.as("eddie").post(path(storyId, "placements"), post)).body();
        JsonNode override = planned.path("placements").get(0).path("quietPeriodOverrides").get(0);
        assertThat(override.path("overriddenBy").asText()).isEqualTo("grace");
        assertThat(override.path("reason").asText()).isEqualTo("agreed with investor relations");

        // on the calendar: inside the period, overridden, so not held back; in the history with who and why
        JsonNode entry = entry(storyId, "teaser", day);
        assertThat(entry.path("status").asText()).isEqualTo("PLANNED");
        assertThat(entry.path("quietPeriodOverrides").get(0).path("blackoutName").asText()).isEqualTo("H1 results");
        JsonNode overridden = null;
        for (JsonNode event : history(storyId)) {
            if (event.path("type").asText().equals("QuietPeriodOverridden")) {
                overridden = event;
            }
        }
        assertThat(overridden).as("the override in the story's history").isNotNull();
        assertThat(overridden.toString()).contains("grace", "agreed with investor relations");

        // the override is for that placement only
        assertThat(rule(api.as("eddie").post(path(storyId, "placements"),
                placement("second", "x", day.plusSeconds(11 * 3600), "Second post")))).isEqualTo("QuietPeriodInForce");
    }

    @Test
    void aRefusalNamesThePeriodsInFieldsAndWhetherTheCallerMayOverrideThem() {
        Instant day = Instant.parse("2027-07-19T00:00:00Z");
        String results = define("Q2 results", "x", day, day.plus(1, ChronoUnit.DAYS));
        String storyId = acceptedStory("Results day");
        Instant slot = day.plusSeconds(9 * 3600);
        Map<String, Object> withoutId = new LinkedHashMap<>(placement("unused", "x", slot, "Results"));
        withoutId.remove("placementId");

        // an editor is told which period holds the post, and that she may not override it
        JsonNode refused = assertProblem(api.as("eddie").post(path(storyId, "placements"), withoutId), 409);
        assertThat(refused.path("rule").asText()).isEqualTo("QuietPeriodInForce");
        assertThat(refused.path("channelId").asText()).isEqualTo("x");
        assertThat(Instant.parse(refused.path("at").asText())).isEqualTo(slot);
        assertThat(refused.path("placementId").asText()).as("the id the server generated").startsWith("x-");
        assertThat(refused.path("quietPeriods")).hasSize(1);
        JsonNode period = refused.path("quietPeriods").get(0);
        assertThat(period.path("blackoutId").asText()).isEqualTo(results);
        assertThat(period.path("name").asText()).isEqualTo("Q2 results");
        assertThat(period.path("channelIds").toString()).isEqualTo("[\"x\"]");
        assertThat(Instant.parse(period.path("startsAt").asText())).isEqualTo(day);
        assertThat(Instant.parse(period.path("endsAt").asText())).isEqualTo(day.plus(1, ChronoUnit.DAYS));
        assertThat(period.path("overridable").asBoolean(true)).isFalse();

        // nora (editor and governance lead) is told she may; she overrides it for the id named and plans with it
        JsonNode toLead = assertProblem(api.as("nora").post(path(storyId, "placements"), withoutId), 409);
        assertThat(toLead.path("quietPeriods").get(0).path("overridable").asBoolean(false)).isTrue();
        String placementId = toLead.path("placementId").asText();
        long version = story(storyId).path("version").asLong();
        Response overridden = ok(api.as("nora").header("If-Match", "\"" + version + "\"")
                .post(path(storyId, "placements/" + placementId + "/quiet-period-overrides"),
                        Map.of("blackoutId", results, "reason", "results are the story")));
        Map<String, Object> withId = new LinkedHashMap<>(withoutId);
        withId.put("placementId", placementId);
        JsonNode planned = ok(api.as("nora").header("If-Match", overridden.header("ETag"))
                .post(path(storyId, "placements"), withId)).body();
        assertThat(planned.path("placements").get(0).path("quietPeriodOverrides").get(0).path("blackoutId").asText())
                .isEqualTo(results);

        // moving into a second period names only that one: the first is overridden for this placement already
        Response everywhere = api.as("grace").post("/api/blackouts", Map.of("name", "AGM", "channels", List.of(),
                "from", day.plusSeconds(12 * 3600).toString(), "to", day.plusSeconds(14 * 3600).toString(),
                "reason", "the AGM"));
        assertThat(everywhere.status()).as("%s", everywhere).isEqualTo(201);
        String agm = everywhere.body().path("blackoutId").asText();
        try {
            JsonNode moved = assertProblem(api.as("nora").post(path(storyId, "placements/" + placementId
                    + "/reschedule"), Map.of("slot", day.plusSeconds(13 * 3600).toString())), 409);
            assertThat(moved.path("placementId").asText()).isEqualTo(placementId);
            assertThat(moved.path("quietPeriods")).hasSize(1);
            assertThat(moved.path("quietPeriods").get(0).path("blackoutId").asText()).isEqualTo(agm);
            assertThat(moved.path("quietPeriods").get(0).path("channelIds")).as("every channel").isEmpty();
        } finally {
            // it holds every channel: lift it so no other test's placement meets it
            ok(api.as("grace").post("/api/blackouts/" + agm + "/lift", Map.of("reason", "done")));
        }
    }

    @Test
    void movingIntoAQuietPeriodIsRefusedAndAnOverriddenPlacementMovesIn() {
        Instant day = Instant.parse("2027-07-12T00:00:00Z");
        String quiet = define("AGM", "linkedin", day, day.plus(1, ChronoUnit.DAYS));
        String storyId = plannedStory(uniqueDesk());
        Map<String, Object> into = Map.of("slot", day.plusSeconds(9 * 3600).toString());
        assertThat(rule(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"), into)))
                .isEqualTo("QuietPeriodInForce");
        // the press release is on another channel: nothing to override there
        assertThat(rule(api.as("grace").post(path(storyId, "placements/" + PRESS + "/quiet-period-overrides"),
                Map.of("blackoutId", quiet, "reason", "why")))).isEqualTo("QuietPeriodNotOnChannel");
        JsonNode linkedin = ok(api.as("grace").get("/api/stories/" + storyId)).body().path("placements").get(1);
        assertThat(linkedin.path("allowedActions").toString()).contains("OVERRIDE_QUIET_PERIOD");
        ok(api.as("grace").post(path(storyId, "placements/" + LINKEDIN + "/quiet-period-overrides"),
                Map.of("blackoutId", quiet, "reason", "the AGM livestream teaser")));
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"), into));
    }

    @Test
    void publishingDuringAQuietPeriodIsRefusedUntilItIsLifted() {
        String storyId = approvedStory(uniqueDesk());
        Instant now = Instant.now();
        // press releases only, so no other test's publishing is held
        String quiet = define("Now", "press-release", now.minusSeconds(3600), now.plusSeconds(3600));
        try {
            assertThat(rule(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish"))))
                    .isEqualTo("QuietPeriodInForce");
            assertThat(ok(api.as("eddie").get("/api/stories/" + storyId)).body().path("placements").get(0)
                    .path("allowedActions").toString()).doesNotContain("PUBLISH_PLACEMENT");
        } finally {
            ok(api.as("grace").post("/api/blackouts/" + quiet + "/lift", Map.of("reason", "results published")));
        }
        ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")));
    }

    @Test
    void aLiftedOrUnknownPeriodCannotBeOverridden() {
        String storyId = plannedStory(uniqueDesk());
        assertThat(rule(api.as("grace").post(path(storyId, "placements/" + LINKEDIN + "/quiet-period-overrides"),
                Map.of("blackoutId", "no-such-period", "reason", "why")))).isEqualTo("QuietPeriodNotInForce");
        List<String> errors = new ArrayList<>();
        api.as("grace").post(path(storyId, "placements/" + LINKEDIN + "/quiet-period-overrides"),
                Map.of("reason", "why")).body().path("errors").forEach(error -> errors.add(error.path("field").asText()));
        assertThat(errors).containsExactly("blackoutId");
    }
}
