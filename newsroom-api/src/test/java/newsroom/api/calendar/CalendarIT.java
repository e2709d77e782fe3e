package newsroom.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The shared calendar: entries by time range with filters, collisions, quiet periods, CSV. */
class CalendarIT extends ApiIntegrationTest {

    private static final String WEEK = "from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z";

    private List<JsonNode> entriesOf(String storyId, String query) {
        JsonNode calendar = ok(api.as("victor").get("/api/calendar?" + query)).body();
        assertThat(calendar.path("position").asLong()).isGreaterThanOrEqualTo(0);
        return stream(calendar.path("entries")).filter(e -> e.path("storyId").asText().equals(storyId)).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    @Test
    void eachPlacementIsAnEntryInItsSlotWithTheStorysCalendarFields() {
        String desk = uniqueDesk();
        String storyId = plannedStory(desk);

        List<JsonNode> entries = entriesOf(storyId, WEEK);

        assertThat(entries).extracting(e -> e.path("placementId").asText()).containsExactly(PRESS, LINKEDIN);
        JsonNode press = entries.get(0);
        assertThat(press.path("slot").asText()).isEqualTo(PRESS_SLOT.toString());
        assertThat(press.path("channelId").asText()).isEqualTo("press-release");
        assertThat(press.path("status").asText()).isEqualTo("PLANNED");
        assertThat(press.path("desk").asText()).isEqualTo(desk);
        assertThat(press.path("campaign").asText()).isEqualTo("employer-branding-2027");
        assertThat(press.path("owner").asText()).isEqualTo("carla");
        assertThat(press.path("approvalState").asText()).isEqualTo("NOT_SUBMITTED");
        assertThat(entriesOf(storyId, "from=2027-03-05T00:00:00Z&to=2027-03-12T00:00:00Z")).isEmpty();
    }

    @Test
    void filtersSelectByChannelDeskAndStatus() {
        String desk = uniqueDesk();
        String storyId = approvedStory(desk);

        assertThat(entriesOf(storyId, WEEK + "&channel=linkedin")).extracting(e -> e.path("placementId").asText())
                .containsExactly(LINKEDIN);
        assertThat(entriesOf(storyId, WEEK + "&desk=" + desk)).hasSize(2);
        assertThat(entriesOf(storyId, WEEK + "&desk=another-desk")).isEmpty();
        assertThat(entriesOf(storyId, WEEK + "&status=SCHEDULED")).hasSize(2);
        assertThat(entriesOf(storyId, WEEK + "&status=PLANNED")).isEmpty();
    }

    @Test
    void reschedulingMovesTheEntryToItsNewDayAndPublishingMarksIt() {
        String storyId = approvedStory(uniqueDesk());
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", "2027-03-10T08:00:00Z")));
        ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")));

        // a command answers once the stories read model has it; the calendar follows on its own processor
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(entriesOf(storyId, WEEK)).singleElement()
                    .satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("PUBLISHED"));
            assertThat(entriesOf(storyId, "from=2027-03-10T00:00:00Z&to=2027-03-11T00:00:00Z")).singleElement()
                    .satisfies(e -> assertThat(e.path("slot").asText()).isEqualTo("2027-03-10T08:00:00Z"));
        });
    }

    @Test
    void planningTooCloseToAnotherPlacementOnTheChannelSucceedsWithAWarning() {
        Instant slot = Instant.parse("2027-04-06T09:00:00Z");
        String first = pitch("carla", content("First", uniqueDesk()));
        ok(api.as("eddie").post(path(first, "accept"), Map.of()));
        ok(api.as("eddie").post(path(first, "placements"), placement("x1", "x", slot, "First post")));
        String second = pitch("carla", content("Second", uniqueDesk()));
        ok(api.as("eddie").post(path(second, "accept"), Map.of()));

        Response planned = ok(api.as("eddie").post(path(second, "placements"),
                placement("x2", "x", slot.plusSeconds(20 * 60), "Second post")));

        JsonNode warnings = planned.body().path("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path("kind").asText()).isEqualTo("CHANNEL_GAP");
        assertThat(warnings.get(0).path("message").asText()).contains("20 min apart");
        JsonNode collisions = ok(api.as("victor").get(
                "/api/calendar/collisions?from=2027-04-06T00:00:00Z&to=2027-04-07T00:00:00Z")).body();
        assertThat(collisions.toString()).contains(first + ":x1", second + ":x2");
    }

    @Test
    void aPlacementInsideAQuietPeriodDefinedAfterItWasPlannedIsPausedAndMarkedUntilALeadOverridesIt() {
        Instant slot = Instant.parse("2027-05-03T10:00:00Z");
        String storyId = pitch("carla", content("During results", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("fb", "facebook", slot, "Facebook post")));
        Response defined = api.as("grace").post("/api/blackouts", Map.of("name", "Q1 results",
                "channels", List.of("facebook"), "from", "2027-05-03T00:00:00Z", "to", "2027-05-04T00:00:00Z",
                "reason", "quiet period before results"));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);

        String range = "/api/calendar?from=2027-05-03T00:00:00Z&to=2027-05-04T00:00:00Z";
        JsonNode calendar = ok(api.as("victor").get(range)).body();
        JsonNode entry = stream(calendar.path("entries")).filter(e -> e.path("storyId").asText().equals(storyId))
                .findFirst().orElseThrow();
        assertThat(entry.path("status").asText()).isEqualTo("PAUSED");
        assertThat(entry.path("collisions").get(0).path("kind").asText()).isEqualTo("BLACKOUT");
        assertThat(calendar.path("blackouts").toString()).contains("Q1 results");

        ok(api.as("grace").post(path(storyId, "placements/fb/quiet-period-overrides"),
                Map.of("blackoutId", defined.body().path("blackoutId").asText(), "reason", "long agreed")));
        JsonNode overridden = stream(ok(api.as("victor").get(range)).body().path("entries"))
                .filter(e -> e.path("storyId").asText().equals(storyId)).findFirst().orElseThrow();
        assertThat(overridden.path("status").asText()).isEqualTo("PLANNED");
        assertThat(overridden.path("quietPeriodOverrides").get(0).path("overriddenBy").asText()).isEqualTo("grace");
    }

    @Test
    void onlyGovernanceLeadsDefineQuietPeriodsAndTheyMustEndAfterTheyStart() {
        Map<String, Object> blackout = Map.of("name", "Quiet", "channels", List.of(), "from", "2027-06-02T00:00:00Z",
                "to", "2027-06-01T00:00:00Z", "reason", "r");
        assertThat(api.as("eddie").post("/api/blackouts", blackout).status()).isEqualTo(403);
        Response invalid = api.as("grace").post("/api/blackouts", blackout);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").get(0).path("field").asText()).isEqualTo("to");
    }

    @Test
    void aRangeLongerThanTwoMonthsIsRefusedNamingTheField() {
        Response tooLong = api.as("victor").get("/api/calendar?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").get(0).path("rule").asText()).isEqualTo("MaxRange");
        Response badInstant = api.as("victor").get("/api/calendar?from=yesterday&to=2027-06-01T00:00:00Z");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.body().path("errors").get(0).path("field").asText()).isEqualTo("from");
    }

    @Test
    void theRangeExportsAsCsv() throws Exception {
        String storyId = plannedStory(uniqueDesk());
        Response csv = ok(api.as("victor").get("/api/calendar/export.csv?" + WEEK));

        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> records = parseCsv(csv.rawBody());
        assertThat(records.get(0).getParser().getHeaderNames()).startsWith("slot", "channel", "status", "title");
        CSVRecord press = records.stream().filter(r -> r.get("story_id").equals(storyId)
                && r.get("placement_id").equals(PRESS)).findFirst().orElseThrow();
        assertThat(press.get("slot")).isEqualTo(PRESS_SLOT.toString());
        assertThat(press.get("channel")).isEqualTo("Press release");
        assertThat(press.get("status")).isEqualTo("PLANNED");
        assertThat(press.get("title")).isEqualTo("Apprentices build the robot cell");
    }

    @Test
    void aTitleThatLooksLikeAFormulaIsExportedAsTextNotAsAFormula() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        String desk = uniqueDesk();
        String storyId = pitch("carla", content(formula, desk));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("blog", "corporate-blog", PRESS_SLOT, "x")));

        Response csv = ok(api.as("victor").get("/api/calendar/export.csv?" + WEEK + "&desk=" + desk));

        CSVRecord record = parseCsv(csv.rawBody()).get(0);
        assertThat(record.get("title")).isEqualTo("'" + formula);
        assertThat(record.get("desk")).isEqualTo(desk);
        assertThat(csv.rawBody()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    }

    private static List<CSVRecord> parseCsv(String csv) throws java.io.IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
    }

    @Test
    void theBoardGroupsStoriesByWorkflowStateAndTheInboxShowsWhatWaitsForALead() {
        String pitched = pitch("carla", content("On the board", uniqueDesk()));
        String inReview = inReviewStory(uniqueDesk());

        JsonNode board = ok(api.as("victor").get("/api/board")).body();
        assertThat(columnIds(board, "PITCHED")).contains(pitched);
        assertThat(columnIds(board, "IN_REVIEW")).contains(inReview);
        JsonNode card = stream(board.path("columns")).flatMap(c -> stream(c.path("stories")))
                .filter(s -> s.path("storyId").asText().equals(inReview)).findFirst().orElseThrow();
        assertThat(card.path("nextSlot").asText()).isEqualTo(PRESS_SLOT.toString());

        List<String> inbox = stream(ok(api.as("grace").get("/api/approvals/inbox")).body())
                .map(s -> s.path("storyId").asText()).toList();
        assertThat(inbox).contains(inReview).doesNotContain(pitched);
        ok(api.as("grace").post(path(inReview, "approvals"), Map.of("step", "communications")));
        assertThat(stream(ok(api.as("grace").get("/api/approvals/inbox")).body()).map(s -> s.path("storyId").asText()))
                .doesNotContain(inReview); // she approved one step; the other needs another lead
        assertThat(api.as("victor").get("/api/approvals/inbox").status()).isEqualTo(403);
    }

    @Test
    void aSourceStoryIsShownWithTheStoriesDerivedFromIt() {
        Instant livestream = Instant.parse("2027-07-01T14:00:00Z");
        String source = pitch("carla", content("Livestream from the plant", uniqueDesk()));
        ok(api.as("eddie").post(path(source, "accept"), Map.of()));
        ok(api.as("eddie").post(path(source, "placements"), placement("live", "livestream", livestream, "Live at 14:00")));
        Map<String, Object> clip = new java.util.LinkedHashMap<>(content("Clip: the robot cell", uniqueDesk()));
        clip.put("sourceStoryId", source);
        String derived = pitch("carla", clip);
        ok(api.as("eddie").post(path(derived, "accept"), Map.of()));
        ok(api.as("eddie").post(path(derived, "placements"),
                placement("clip", "instagram", livestream.plusSeconds(19 * 3600), "Clip")));
        String unrelated = plannedStory(uniqueDesk());

        JsonNode calendar = ok(api.as("victor").get(
                "/api/calendar?from=2027-07-01T00:00:00Z&to=2027-07-03T00:00:00Z&source=" + source)).body();

        assertThat(stream(calendar.path("entries")).map(e -> e.path("storyId").asText()))
                .containsExactly(source, derived).doesNotContain(unrelated);
        assertThat(calendar.path("entries").get(1).path("sourceStoryId").asText()).isEqualTo(source);
    }

    private static List<String> columnIds(JsonNode board, String status) {
        return stream(board.path("columns")).filter(c -> c.path("status").asText().equals(status))
                .flatMap(c -> stream(c.path("stories"))).map(s -> s.path("storyId").asText()).toList();
    }
}
