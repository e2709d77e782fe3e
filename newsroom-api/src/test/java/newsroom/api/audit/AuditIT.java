package newsroom.api.audit;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The audit trail: searched by person, story, channel, campaign, action and time, exported, and itself recorded. */
class AuditIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(30);

    @Test
    void anAuditorFindsWhoPublishedAPlacementWithTheRequestThatDidIt() {
        String storyId = approvedStory(uniqueDesk());
        ok(api.as("eddie").post(path(storyId, "placements/press/publish")));

        JsonNode published = awaitEntries("story=" + storyId + "&action=PlacementPublished", 1).get(0);
        assertThat(published.path("by").asText()).isEqualTo("eddie");
        assertThat(published.path("storyId").asText()).isEqualTo(storyId);
        assertThat(published.path("placementId").asText()).isEqualTo(PRESS);
        assertThat(published.path("channels")).extracting(JsonNode::asText).containsExactly("press-release");
        assertThat(published.path("campaign").asText()).isEqualTo("employer-branding-2027");
        assertThat(published.path("data").path("approvals")).hasSize(2);
        String correlationId = published.path("correlationId").asText();
        assertThat(correlationId).isNotBlank();
        // the same request's id as the story's own history shows for that event
        JsonNode historyEntry = null;
        for (JsonNode entry : history(storyId)) {
            if (entry.path("type").asText().equals("PlacementPublished")) {
                historyEntry = entry;
            }
        }
        assertThat(historyEntry).isNotNull();
        assertThat(historyEntry.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(Instant.parse(published.path("at").asText())).isEqualTo(Instant.parse(historyEntry.path("at").asText()));
    }

    @Test
    void whoPublishedWhatShowsTheTextThatWentOutAndTheApprovalChain() {
        String storyId = approvedStory(uniqueDesk());
        ok(api.as("eddie").post(path(storyId, "placements/press/publish")));
        awaitEntries("story=" + storyId + "&action=PlacementPublished", 1);

        JsonNode answer = ok(api.as("otto").get("/api/audit/publications?story=" + storyId)).body();
        assertThat(answer.path("total").asLong()).isEqualTo(1);
        JsonNode publication = answer.path("publications").get(0);
        assertThat(publication.path("by").asText()).isEqualTo("eddie");
        assertThat(publication.path("placementId").asText()).isEqualTo(PRESS);
        assertThat(publication.path("channelId").asText()).isEqualTo("press-release");
        assertThat(publication.path("text").asText()).isEqualTo("PRESS RELEASE: apprentices ...");
        assertThat(publication.path("textSha256").asText()).isEqualTo(Publications.sha256("PRESS RELEASE: apprentices ..."));
        assertThat(publication.path("correlationId").asText()).isNotBlank();
        JsonNode chain = publication.path("approvalChain");
        assertThat(chain).extracting(step -> step.path("step").asText() + " by " + step.path("approvedBy").asText()
                + " signed by " + step.path("signedBy").asText())
                .containsExactlyInAnyOrder("communications by grace signed by grace", "legal by lena signed by lena");
        assertThat(publication.path("policyVersion").path("policyId").asText()).isEqualTo("press-release");
        chain.forEach(step -> {
            assertThat(step.path("contentVersion").asLong()).isEqualTo(publication.path("contentVersion").asLong());
            assertThat(Instant.parse(step.path("signedAt").asText()))
                    .isBefore(Instant.parse(publication.path("publishedAt").asText()));
            assertThat(step.path("policyVersion")).isEqualTo(publication.path("policyVersion"));
            assertThat(step.path("checklist").isArray()).as("%s", step).isTrue();
            assertThat(step.hasNonNull("onBehalfOf")).as("%s", step).isFalse();
        });
        assertThat(entries("story=" + storyId + "&action=PlacementPublished")).hasSize(1);
        assertThat(ok(api.as("otto").get("/api/audit/publications?story=" + storyId + "&channel=linkedin")).body()
                .path("total").asLong()).isZero();
        assertProblem(api.as("eddie").get("/api/audit/publications"), 403);
        assertFieldError(api.as("otto").get("/api/audit/publications?action=StoryPitched"), "action", "UnknownParameter");
    }

    @Test
    void whoPublishedWhatShowsOnWhoseBehalfADelegateSignedUnderWhichPolicyVersionAndTheChecklistConfirmed() {
        String policyId = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> checklist = List.of("No forward-looking financial statements", "Image rights cleared");
        JsonNode policy = ok(api.as("ada").put("/api/approval-policies/" + policyId, Map.of("name", "Audited",
                "steps", List.of(Map.of("group", "communications", "signatures", 1),
                        Map.of("group", "legal", "signatures", 1)), "checklist", checklist))).body();
        long version = policy.path("policy").path("version").asLong();
        String channelId = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("channelId", channelId);
        channel.put("name", "Audited");
        channel.put("kind", "SOCIAL");
        channel.put("colour", "#6364ff");
        channel.put("approvalPolicyId", policyId);
        channel.put("minimumGapMinutes", 0);
        assertThat(api.as("ada").post("/api/channels", channel).status()).isEqualTo(201);
        String storyId = pitch("carla", content("Signed on behalf", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("post", channelId, LINKEDIN_SLOT, "Toot")));
        ok(api.as("carla").post(path(storyId, "submit")));
        ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications", "checklist", checklist)));
        Response delegated = api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", "leo",
                "until", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(delegated.status()).as("%s", delegated).isEqualTo(201);
        String delegationId = delegated.body().path("delegation").path("delegationId").asText();
        try {
            ok(api.as("leo").post(path(storyId, "approvals"), Map.of("step", "legal", "checklist", checklist)));
        } finally {
            ok(api.as("lena").post("/api/delegations/" + delegationId + "/revoke"));
        }
        ok(api.as("eddie").post(path(storyId, "placements/post/publish")));
        awaitEntries("story=" + storyId + "&action=PlacementPublished", 1);

        JsonNode publication = ok(api.as("otto").get("/api/audit/publications?story=" + storyId)).body()
                .path("publications").get(0);
        assertThat(publication.path("policyVersion").path("policyId").asText()).isEqualTo(policyId);
        assertThat(publication.path("policyVersion").path("version").asLong()).isEqualTo(version);
        JsonNode legal = null;
        JsonNode communications = null;
        for (JsonNode step : publication.path("approvalChain")) {
            if (step.path("step").asText().equals("legal")) {
                legal = step;
            } else {
                communications = step;
            }
        }
        assertThat(legal).as("%s", publication).isNotNull();
        assertThat(legal.path("approvedBy").asText()).isEqualTo("leo");
        assertThat(legal.path("signedBy").asText()).isEqualTo("leo");
        assertThat(legal.path("onBehalfOf").asText()).as("%s", legal).isEqualTo("lena");
        assertThat(legal.path("delegationId").asText()).isEqualTo(delegationId);
        assertThat(legal.path("policyVersion")).isEqualTo(publication.path("policyVersion"));
        assertThat(legal.path("checklist")).extracting(JsonNode::asText).containsExactlyElementsOf(checklist);
        assertThat(communications.path("approvedBy").asText()).isEqualTo("grace");
        assertThat(communications.hasNonNull("onBehalfOf")).isFalse();
        assertThat(communications.path("policyVersion")).isEqualTo(publication.path("policyVersion"));
        assertThat(communications.path("checklist")).extracting(JsonNode::asText).containsExactlyElementsOf(checklist);
    }

    @Test
    void everyFilterNarrowsTheSearchAndTheNewestComesFirst() {
        String storyId = plannedStory(uniqueDesk());
        int storyEvents = history(storyId).size();
        List<JsonNode> all = awaitEntries("story=" + storyId, storyEvents);
        assertThat(all).extracting(entry -> entry.path("action").asText())
                .containsExactly("PlacementPlanned", "PlacementPlanned", "PitchAccepted", "StoryPitched");
        assertThat(all).extracting(entry -> entry.path("entryId").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        assertThat(entries("story=" + storyId + "&person=carla")).extracting(entry -> entry.path("action").asText())
                .containsExactly("StoryPitched");
        assertThat(entries("story=" + storyId + "&channel=linkedin")).extracting(entry -> entry.path("placementId").asText())
                .containsExactly(LINKEDIN);
        assertThat(entries("story=" + storyId + "&campaign=employer-branding-2027")).hasSize(storyEvents);
        assertThat(entries("story=" + storyId + "&campaign=another-campaign")).isEmpty();
        assertThat(entries("story=" + storyId + "&action=PitchAccepted&person=eddie")).hasSize(1);

        Instant pitchedAt = Instant.parse(all.get(3).path("at").asText());
        Instant acceptedAt = Instant.parse(all.get(2).path("at").asText());
        assertThat(entries("story=" + storyId + "&from=" + pitchedAt + "&to=" + acceptedAt))
                .extracting(entry -> entry.path("action").asText()).containsExactly("StoryPitched");
        assertThat(entries("story=" + storyId + "&from=" + acceptedAt)).hasSize(3);
        assertThat(entries("story=" + storyId + "&to=" + pitchedAt)).isEmpty();
    }

    @Test
    void pagesSplitTheResultWithoutGapsOrRepeats() {
        String storyId = plannedStory(uniqueDesk());
        List<JsonNode> all = awaitEntries("story=" + storyId, 4);
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = ok(api.as("otto").get("/api/audit/events?story=" + storyId + "&size=3&page=" + page)).body();
            assertThat(answer.path("total").asLong()).isEqualTo(4);
            answer.path("entries").forEach(entry -> paged.add(entry.path("entryId").asLong()));
        }
        assertThat(paged).containsExactlyElementsOf(all.stream().map(entry -> entry.path("entryId").asLong()).toList());
    }

    @Test
    void reasonsAreShownAndTheCsvExportCannotRunFormulas() {
        String storyId = pitch("carla", content("A pitch to decline", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "decline"), Map.of("reason", "=HYPERLINK(\"http://evil\")")));
        JsonNode declined = awaitEntries("story=" + storyId + "&action=PitchDeclined", 1).get(0);
        assertThat(declined.path("reason").asText()).isEqualTo("=HYPERLINK(\"http://evil\")");

        Response csv = api.as("otto").get("/api/audit/events/export.csv?story=" + storyId);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        String[] lines = csv.rawBody().split("\r\n");
        assertThat(lines[0]).startsWith("at,by,action,story_id");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"eddie\",\"PitchDeclined\"").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");

        Response json = api.as("ada").get("/api/audit/events/export.json?story=" + storyId);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Disposition")).contains("newsroom-audit.json");
        assertThat(json.body()).hasSize(2);
        assertThat(json.body().get(0).path("action").asText()).isEqualTo("PitchDeclined");
    }

    @Test
    void readingAndExportingTheAuditIsRecordedInTheAudit() {
        String storyId = pitch("carla", content("Read by the auditor", uniqueDesk()));
        awaitEntries("story=" + storyId, 1);
        ok(api.as("otto").get("/api/audit/events/export.csv?story=" + storyId));
        String query = URLEncoder.encode("story=" + storyId, StandardCharsets.UTF_8);
        await().atMost(PROJECTED).untilAsserted(() -> {
            List<JsonNode> reads = entries("person=otto&action=AuditTrailRead");
            assertThat(reads).anySatisfy(read -> {
                assertThat(read.path("data").path("format").asText()).isEqualTo("csv");
                assertThat(read.path("data").path("query").asText()).isEqualTo("story=" + storyId);
                assertThat(read.path("data").path("results").asLong()).isEqualTo(1);
                assertThat(read.path("correlationId").asText()).isNotBlank();
            });
        });
        assertThat(query).isNotBlank();
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAudit() {
        for (String user : List.of("eddie", "grace", "carla", "victor")) {
            JsonNode problem = assertProblem(api.as(user).get("/api/audit/events"), 403);
            assertThat(problem.path("action").asText()).isEqualTo("READ_AUDIT_TRAIL");
            assertProblem(api.as(user).get("/api/audit/events/export.csv"), 403);
        }
        assertProblem(api.anonymous().get("/api/audit/events"), 401);
        ok(api.as("ada").get("/api/audit/events?size=1"));
    }

    @Test
    void badSearchesAreRefusedNamingTheField() {
        assertFieldError(api.as("otto").get("/api/audit/events?from=2027-03-04T00:00:00Z&to=2027-03-04T00:00:00Z"),
                "to", "AfterFrom");
        assertFieldError(api.as("otto").get("/api/audit/events/export.csv?from=2027-03-05T00:00:00Z&to=2027-03-04T00:00:00Z"),
                "to", "AfterFrom");
        assertFieldError(api.as("otto").get("/api/audit/events?size=201"), "size", "Max");
        assertFieldError(api.as("otto").get("/api/audit/events?size=0"), "size", "Min");
        assertFieldError(api.as("otto").get("/api/audit/events?page=-1"), "page", "Min");
        assertFieldError(api.as("otto").get("/api/audit/events?from=yesterday"), "from", "InvalidFormat");
        assertFieldError(api.as("otto").get("/api/audit/events?who=eddie"), "who", "UnknownParameter");
    }

    private List<JsonNode> entries(String query) {
        JsonNode answer = ok(api.as("otto").get("/api/audit/events?size=200&" + query)).body();
        List<JsonNode> entries = new ArrayList<>();
        answer.path("entries").forEach(entries::add);
        assertThat(answer.path("total").asLong()).isEqualTo(entries.size());
        return entries;
    }

    private List<JsonNode> awaitEntries(String query, int count) {
        List<List<JsonNode>> found = new ArrayList<>();
        await().atMost(PROJECTED).untilAsserted(() -> {
            List<JsonNode> entries = entries(query);
            assertThat(entries).hasSize(count);
            found.add(entries);
        });
        return found.get(found.size() - 1);
    }
}
