package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Sorts;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read model rebuilt from the event store is the live one, document for document. A mixed workload of
 * every story command, comments with mentions, campaigns and quiet periods, by several people, fills the
 * read models; each projection is then rebuilt, twice, and every collection compared exactly with what
 * it held live. Nothing is normalised: every field of every stored document is derived from the events
 * alone (times are the events' timestamps, positions their commit numbers, versions their sequence
 * numbers), so there is nothing legitimately different to leave out.
 */
class ReplayEqualsLiveIT extends ApiIntegrationTest {

    /** Each rebuildable projection and the collections it keeps. */
    private static final Map<String, List<String>> READ_MODELS = Map.ofEntries(
            Map.entry("stories", List.of("stories")),
            Map.entry("calendar", List.of("calendar_days", "calendar_entries", "calendar_stories")),
            Map.entry("notifications", List.of("notification_inboxes", "notification_stories")),
            Map.entry("blackouts", List.of("blackouts")),
            Map.entry("campaigns", List.of("campaigns")),
            Map.entry("channels", List.of("channels")),
            Map.entry("approval-policies", List.of("approval_policies")),
            Map.entry("delegations", List.of("delegations")),
            Map.entry("crisis", List.of("crisis")),
            Map.entry("audit", List.of("audit_entries", "audit_postings", "audit_stories")),
            Map.entry("calendar-history", List.of("calendar_history", "calendar_history_ended",
                    "calendar_history_days", "calendar_history_stories")),
            Map.entry("publication-schedule", List.of("publication_schedule")));

    @Autowired
    private MongoStore store;

    @Test
    void everyReadModelRebuiltFromTheEventsEqualsTheLiveOneDocumentForDocument() {
        mixedWorkload();
        awaitAllCaughtUp();
        List<String> offered = new ArrayList<>();
        ok(api.as("ada").get("/api/admin/projections")).body().path("projections")
                .forEach(projection -> offered.add(projection.path("name").asText()));
        assertThat(offered).containsAll(READ_MODELS.keySet());
        Map<String, List<Document>> live = snapshot();
        assertThat(live.get("stories")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(live.get("calendar_entries")).isNotEmpty();
        assertThat(live.get("notification_inboxes")).isNotEmpty();
        assertThat(live.get("blackouts")).isNotEmpty();
        assertThat(live.get("campaigns")).isNotEmpty();
        assertThat(live.get("channels")).isNotEmpty();
        assertThat(live.get("approval_policies")).isNotEmpty();
        assertThat(live.get("delegations")).isNotEmpty();
        assertThat(live.get("crisis")).isNotEmpty();
        assertThat(live.get("audit_entries")).isNotEmpty();
        assertThat(live.get("calendar_history")).isNotEmpty();
        assertThat(live.get("publication_schedule")).isNotEmpty();

        for (int round = 1; round <= 2; round++) { // and rebuilding again gives the same once more
            READ_MODELS.keySet().forEach(name ->
                    assertThat(api.as("ada").post("/api/admin/projections/" + name + "/rebuild").status())
                            .isEqualTo(202));
            awaitAllCaughtUp();
            Map<String, List<Document>> rebuilt = snapshot();
            for (String collection : live.keySet()) {
                assertThat(rebuilt.get(collection)).as("%s after rebuild %d", collection, round)
                        .isEqualTo(live.get(collection));
            }
        }
    }

    /** Every story command, by several people, and the campaigns and quiet periods around them. */
    private void mixedWorkload() {
        String desk = uniqueDesk();
        String campaign = "replay-" + desk;
        ok(api.as("eddie").put("/api/campaigns/" + campaign, Map.of("name", "Replay", "goal", "Prove it",
                "kpi", "equal documents", "startsOn", "2027-03-01", "endsOn", "2027-03-31")));
        ok(api.as("grace").put("/api/campaigns/" + campaign, Map.of("name", "Replay, redefined", "goal", "Prove it",
                "kpi", "equal documents", "startsOn", "2027-03-01", "endsOn", "2027-04-30")));
        JsonNode quiet = api.as("grace").post("/api/blackouts", Map.of("name", "Results", "channels",
                List.of("linkedin"), "from", "2027-03-20T00:00:00Z", "to", "2027-03-22T00:00:00Z", "reason",
                "quarterly results")).body();
        JsonNode lifted = api.as("grace").post("/api/blackouts", Map.of("name", "Lifted", "channels", List.of(),
                "from", "2027-03-25T00:00:00Z", "to", "2027-03-26T00:00:00Z", "reason", "rehearsal")).body();
        api.as("grace").post("/api/blackouts/" + lifted.path("blackoutId").asText() + "/lift",
                Map.of("reason", "not needed"));
        assertThat(quiet.path("blackoutId").asText()).isNotBlank();

        // approved, rescheduled into the quiet period a lead overrode for it, published; commented with mentions
        String published = approvedStory(desk);
        ok(api.as("carla").post(path(published, "comments"), Map.of("text", "@lena @grace thanks for the quick review")));
        ok(api.as("grace").post(path(published, "placements/" + LINKEDIN + "/quiet-period-overrides"),
                Map.of("blackoutId", quiet.path("blackoutId").asText(), "reason", "agreed with IR")));
        ok(api.as("eddie").post(path(published, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", "2027-03-21T10:00:00Z")));
        ok(api.as("eddie").post(path(published, "placements/" + PRESS + "/publish")));
        // the quiet period holds no other test's plans once this workload is done
        ok(api.as("grace").post("/api/blackouts/" + quiet.path("blackoutId").asText() + "/lift",
                Map.of("reason", "results out")));

        // a crisis: switched on by grace (placements paused), ended by lena; one resumed, one rescheduled
        String paused = approvedStory(desk);
        assertThat(api.as("grace").post("/api/crisis", Map.of("reason", "plant incident")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ok(api.as("victor")
                .get("/api/stories/" + paused)).body().path("placements").findValuesAsText("paused"))
                .containsOnly("true"));
        ok(api.as("lena").post("/api/crisis/end", Map.of("reason", "contained")));
        ok(api.as("eddie").post(path(paused, "placements/" + PRESS + "/resume"), Map.of("reason", "all clear")));
        ok(api.as("eddie").post(path(paused, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", "2027-03-24T10:00:00Z")));

        // sent back, reassigned, retitled, resubmitted and approved; then edited, which withdraws the approval
        String reworked = pitch("carla", content("Before the rework", desk));
        ok(api.as("eddie").post(path(reworked, "accept"), Map.of()));
        ok(api.as("eddie").post(path(reworked, "placements"),
                placement("blog", "corporate-blog", LINKEDIN_SLOT.plusSeconds(1800), "Blog recap")));
        ok(api.as("carla").post(path(reworked, "submit")));
        ok(api.as("grace").post(path(reworked, "change-requests"), Map.of("comment", "Needs a quote")));
        ok(api.as("eddie").post(path(reworked, "assign"), Map.of("assignee", "carla")));
        Map<String, Object> retitled = content("After the rework", desk);
        retitled.put("campaign", campaign);
        ok(api.as("carla").put(path(reworked, "draft"), retitled));
        ok(api.as("carla").post(path(reworked, "submit")));
        ok(api.as("nora").post(path(reworked, "approvals"), Map.of("step", "communications")));
        Map<String, Object> edited = new LinkedHashMap<>(retitled);
        edited.put("body", "Edited after approval");
        ok(api.as("carla").put(path(reworked, "draft"), edited));

        // declined; killed; a cancelled placement; a story derived from another
        String declined = pitch("carla", content("Not for us", desk));
        ok(api.as("eddie").post(path(declined, "decline"), Map.of("reason", "off topic")));
        String killed = plannedStory(desk);
        ok(api.as("grace").post(path(killed, "kill"), Map.of("reason", "crisis")));
        String cancelled = plannedStory(desk);
        ok(api.as("eddie").post(path(cancelled, "placements/" + PRESS + "/cancel"), Map.of("reason", "not needed")));
        Map<String, Object> derived = content("A clip of the livestream", desk);
        derived.put("sourceStoryId", published);
        String clip = pitch("eddie", derived);
        ok(api.as("eddie").post(path(clip, "accept"), Map.of("assignee", "eddie")));
        ok(api.as("eddie").post(path(clip, "comments"), Map.of("text", "@carla can you cut the clip?")));

        governanceWorkload(desk);
    }

    /**
     * Channels added, renamed and retired; a policy in two versions; a story submitted under it, signed with the
     * checklist confirmed and by a delegate on a lead's behalf; the delegation revoked.
     */
    private void governanceWorkload(String desk) {
        String policyId = "replay-" + desk.toLowerCase();
        ok(api.as("ada").put("/api/approval-policies/" + policyId, Map.of("name", "Replay",
                "steps", List.of(Map.of("group", "legal", "signatures", 1)), "checklist", List.of("Rights cleared"))));
        ok(api.as("ada").put("/api/approval-policies/" + policyId, Map.of("name", "Replay",
                "steps", List.of(Map.of("group", "legal", "signatures", 1),
                        Map.of("group", "communications", "signatures", 1)), "checklist", List.of("Rights cleared"))));
        String channelId = "replay-" + desk.toLowerCase();
        Map<String, Object> channel = new LinkedHashMap<>(Map.of("channelId", channelId, "name", "Replay",
                "kind", "BLOG", "colour", "#123456", "approvalPolicyId", policyId, "minimumGapMinutes", 30));
        assertThat(api.as("ada").post("/api/channels", channel).status()).isEqualTo(201);
        channel.put("name", "Replay renamed");
        ok(api.as("ada").put("/api/channels/" + channelId, channel));
        String gone = channelId + "-gone";
        channel.put("channelId", gone);
        assertThat(api.as("ada").post("/api/channels", channel).status()).isEqualTo(201);
        ok(api.as("ada").post("/api/channels/" + gone + "/retire", Map.of("reason", "replayed")));

        JsonNode delegation = api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", "leo",
                "until", java.time.Instant.now().plusSeconds(86_400).toString())).body();
        String governed = pitch("carla", content("Under a versioned policy", desk));
        ok(api.as("eddie").post(path(governed, "accept"), Map.of()));
        ok(api.as("eddie").post(path(governed, "placements"), placement("r", channelId, LINKEDIN_SLOT, "Replay text")));
        ok(api.as("carla").post(path(governed, "submit")));
        ok(api.as("leo").post(path(governed, "approvals"), Map.of("step", "legal", "checklist", List.of("Rights cleared"))));
        ok(api.as("grace").post(path(governed, "approvals"),
                Map.of("step", "communications", "checklist", List.of("Rights cleared"))));
        ok(api.as("lena").post("/api/delegations/" + delegation.path("delegation").path("delegationId").asText()
                + "/revoke"));
    }

    private void awaitAllCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode status = ok(api.as("ada").get("/api/admin/projections")).body();
            for (JsonNode projection : status.path("projections")) {
                assertThat(projection.path("caughtUp").asBoolean()).as("%s", projection).isTrue();
                assertThat(projection.path("replaying").asBoolean()).as("%s", projection).isFalse();
            }
        });
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        READ_MODELS.values().stream().flatMap(List::stream).sorted().forEach(collection -> snapshot.put(collection,
                store.database().getCollection(collection).find().sort(Sorts.ascending("_id"))
                        .into(new ArrayList<>())));
        return snapshot;
    }
}
