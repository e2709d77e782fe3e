package newsroom.api.governance;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Governance as data over HTTP: channels admins add, change and retire; approval policies as versions; the story
 * recording the version and the confirmed checklist; delegated signing. Each test makes its own policy and
 * channel, so stories of other tests keep the seeded ones.
 */
class GovernanceIT extends ApiIntegrationTest {

    private static final String OWN_PASSWORD = "a long passphrase nobody guesses 7";
    private static final List<String> GUIDELINES = List.of("No forward-looking financial statements",
            "Image rights cleared");

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> policy(String name, List<Map<String, Object>> steps, List<String> checklist) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("steps", steps);
        body.put("checklist", checklist);
        return body;
    }

    private static Map<String, Object> step(String group, int signatures) {
        return Map.of("group", group, "signatures", signatures);
    }

    private static Map<String, Object> channel(String id, String name, String policyId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelId", id);
        body.put("name", name);
        body.put("kind", "SOCIAL");
        body.put("colour", "#6364FF");
        body.put("approvalPolicyId", policyId);
        body.put("minimumGapMinutes", 90);
        return body;
    }

    /** A policy needing two communications signatures and legal, with the guidelines; and a channel using it. */
    private String strictChannel() {
        String policyId = unique("strict");
        ok(api.as("ada").put("/api/approval-policies/" + policyId, policy("Strict",
                List.of(step("communications", 2), step("legal", 1)), GUIDELINES)));
        String channelId = unique("mastodon");
        Response added = api.as("ada").post("/api/channels", channel(channelId, "Mastodon", policyId));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        return channelId;
    }

    private String inReviewOn(String channelId) {
        String storyId = pitch("carla", content("Quarterly outlook", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("m", channelId, LINKEDIN_SLOT, "Toot")));
        ok(api.as("carla").post(path(storyId, "submit")));
        return storyId;
    }

    @Nested
    class Channels {

        @Test
        void anAdminAddsRenamesAndRetiresAChannelWhichThenTakesNoPlacement() {
            String channelId = unique("bluesky");
            Response added = api.as("ada").post("/api/channels", channel(channelId, "Bluesky", null));
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.body().path("allowedActions").toString()).contains("CHANGE", "RETIRE");
            assertThat(added.body().path("requiredApprovalSteps").toString()).contains("communications");
            assertThat(ok(api.as("victor").get("/api/channels")).body().findValuesAsText("id")).contains(channelId);
            assertThat(ok(api.as("victor").get("/api/channels/" + channelId)).body().path("allowedActions").size())
                    .isZero();

            Map<String, Object> renamed = channel(channelId, "Bluesky Social", null);
            renamed.remove("channelId");
            assertThat(ok(api.as("ada").put("/api/channels/" + channelId, renamed)).body().path("name").asText())
                    .isEqualTo("Bluesky Social");

            String storyId = plannedStory(uniqueDesk());
            JsonNode retired = ok(api.as("ada").post("/api/channels/" + channelId + "/retire",
                    Map.of("reason", "we left"))).body();
            assertThat(retired.path("retired").asBoolean()).isTrue();
            assertThat(retired.path("allowedActions").size()).isZero();
            assertThat(ok(api.as("victor").get("/api/channels")).body().findValuesAsText("id")).doesNotContain(channelId);
            assertThat(ok(api.as("victor").get("/api/channels?includeRetired=true")).body().findValuesAsText("id"))
                    .contains(channelId);

            JsonNode refused = assertProblem(api.as("eddie").post(path(storyId, "placements"),
                    placement("b", channelId, LINKEDIN_SLOT, "Skeet")), 409);
            assertThat(refused.path("rule").asText()).isEqualTo("ChannelRetired");
            assertThat(assertProblem(api.as("ada").post("/api/channels/" + channelId + "/retire", Map.of()), 409)
                    .path("rule").asText()).isEqualTo("ChannelAlreadyRetired");
        }

        @Test
        void theCalendarUsesTheMinimumGapSetOnTheChannelAtOnce() {
            String channelId = unique("gap");
            Map<String, Object> wide = channel(channelId, "Gap", null);
            wide.put("minimumGapMinutes", 180);
            assertThat(api.as("ada").post("/api/channels", wide).status()).isEqualTo(201);
            Instant first = Instant.parse("2027-05-11T08:00:00Z");
            String one = plannedOn(channelId, first);
            String two = pitch("carla", content("Two hours later", uniqueDesk()));
            ok(api.as("eddie").post(path(two, "accept"), Map.of()));
            JsonNode warnings = ok(api.as("eddie").post(path(two, "placements"),
                    placement("g", channelId, first.plusSeconds(7200), "Later"))).body().path("warnings");
            assertThat(warnings.toString()).contains("CHANNEL_GAP");

            Map<String, Object> narrow = channel(channelId, "Gap", null);
            narrow.remove("channelId");
            narrow.put("minimumGapMinutes", 60);
            ok(api.as("ada").put("/api/channels/" + channelId, narrow));
            JsonNode collisions = ok(api.as("victor").get("/api/calendar/collisions?from=2027-05-11T00:00:00Z"
                    + "&to=2027-05-12T00:00:00Z")).body();
            assertThat(collisions.toString()).doesNotContain(one).doesNotContain(two);
        }

        private String plannedOn(String channelId, Instant slot) {
            String storyId = pitch("carla", content("On the hour", uniqueDesk()));
            ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
            ok(api.as("eddie").post(path(storyId, "placements"), placement("g", channelId, slot, "First")));
            return storyId;
        }

        @Test
        void badChannelInputIsRefusedNamingTheFieldAndNothingChanges() {
            assertFieldError(api.as("ada").post("/api/channels", channel("Not A Slug", "x", null)), "channelId",
                    "ChannelIdFormat");
            Map<String, Object> badColour = channel(unique("c"), "C", null);
            badColour.put("colour", "red");
            assertFieldError(api.as("ada").post("/api/channels", badColour), "colour", "ColourFormat");
            assertFieldError(api.as("ada").post("/api/channels", channel(unique("c"), "C", "no-such-policy")),
                    "approvalPolicyId", "KnownApprovalPolicy");
            Map<String, Object> negativeGap = channel(unique("c"), "C", null);
            negativeGap.put("minimumGapMinutes", -1);
            assertFieldError(api.as("ada").post("/api/channels", negativeGap), "minimumGapMinutes", "MinimumGapInvalid");
            assertThat(assertProblem(api.as("ada").post("/api/channels", channel("linkedin", "Again", null)), 409)
                    .path("rule").asText()).isEqualTo("ChannelAlreadyExists");
            assertProblem(api.as("eddie").post("/api/channels", channel(unique("c"), "C", null)), 403);
            assertProblem(api.as("ada").put("/api/channels/" + unique("none"), channel(null, "C", null)), 404);
        }
    }

    @Nested
    class Policies {

        @Test
        void eachDefinitionIsANewVersionAndTheOldOnesStayReadable() {
            String policyId = unique("p");
            JsonNode first = ok(api.as("ada").put("/api/approval-policies/" + policyId,
                    policy("P", List.of(step("legal", 1)), List.of()))).body();
            assertThat(first.path("policy").path("version").asLong()).isEqualTo(1);
            JsonNode second = ok(api.as("ada").put("/api/approval-policies/" + policyId,
                    policy("P", List.of(step("legal", 2)), GUIDELINES))).body();
            assertThat(second.path("policy").path("version").asLong()).isEqualTo(2);
            assertThat(second.path("policy").path("versions").size()).isEqualTo(2);
            assertThat(second.path("policy").path("versions").get(0).path("steps").get(0).path("signatures").asInt())
                    .isEqualTo(1);
            JsonNode read = ok(api.as("victor").get("/api/approval-policies/" + policyId)).body();
            assertThat(read.path("policy").path("checklist").toString()).contains("Image rights cleared");
            assertThat(read.path("allowedActions").size()).isZero();
        }

        @Test
        void badPoliciesAreRefusedNamingTheRule() {
            assertFieldError(api.as("ada").put("/api/approval-policies/" + unique("p"),
                    policy("P", List.of(step("legal", 0)), List.of())), "steps", "SignaturesAtLeastOne");
            assertFieldError(api.as("ada").put("/api/approval-policies/" + unique("p"),
                    policy("P", List.of(step("legal", 1), step("legal", 1)), List.of())), "steps", "StepGroupRepeated");
            assertFieldError(api.as("ada").put("/api/approval-policies/" + unique("p"),
                    policy("P", List.of(step("legal", 1)), List.of("same", "same"))), "checklist", "ChecklistItemInvalid");
            assertProblem(api.as("grace").put("/api/approval-policies/" + unique("p"),
                    policy("P", List.of(step("legal", 1)), List.of())), 403);
            assertProblem(api.as("victor").get("/api/approval-policies/" + unique("none")), 404);
        }
    }

    @Nested
    class Approving {

        @Test
        void theStoryRecordsThePolicyVersionAndTheApproverConfirmsTheChecklist() {
            String storyId = inReviewOn(strictChannel());
            JsonNode story = ok(api.as("grace").get("/api/stories/" + storyId)).body();
            assertThat(story.path("approvalPolicies").get(0).path("version").asLong()).isEqualTo(1);
            assertThat(story.path("checklist").toString()).contains(GUIDELINES.get(0), GUIDELINES.get(1));
            JsonNode inbox = ok(api.as("grace").get("/api/approvals/inbox")).body();
            assertThat(inbox.findValuesAsText("storyId")).contains(storyId);

            JsonNode refused = assertProblem(api.as("grace").post(path(storyId, "approvals"),
                    Map.of("step", "communications", "checklist", List.of(GUIDELINES.get(0)))), 409);
            assertThat(refused.path("rule").asText()).isEqualTo("ChecklistNotConfirmed");

            JsonNode once = ok(api.as("grace").post(path(storyId, "approvals"),
                    Map.of("step", "communications", "checklist", GUIDELINES))).body();
            assertThat(once.path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(once.path("pendingApprovalSteps").toString()).contains("communications", "legal");
            JsonNode approval = once.path("approvals").get(0);
            assertThat(approval.path("policies").get(0).path("version").asLong()).isEqualTo(1);
            assertThat(approval.path("confirmedChecklist").toString()).contains(GUIDELINES.get(1));

            ok(api.as("nora").post(path(storyId, "approvals"), Map.of("step", "communications", "checklist", GUIDELINES)));
            JsonNode done = ok(api.as("lena").post(path(storyId, "approvals"),
                    Map.of("step", "legal", "checklist", GUIDELINES))).body();
            assertThat(done.path("status").asText()).isEqualTo("APPROVED");
            JsonNode history = ok(api.as("victor").get(path(storyId, "history"))).body();
            assertThat(history.toString()).contains("ApprovalPoliciesApplied", "ApprovalAttested");
        }

        @Test
        void aNewPolicyVersionAppliesToStoriesSubmittedAfterwards() {
            String channelId = strictChannel();
            String policyId = ok(api.as("victor").get("/api/channels/" + channelId)).body().path("approvalPolicyId").asText();
            String before = inReviewOn(channelId);
            ok(api.as("ada").put("/api/approval-policies/" + policyId, policy("Strict, relaxed",
                    List.of(step("legal", 1)), List.of())));
            String after = inReviewOn(channelId);

            assertThat(ok(api.as("lena").get("/api/stories/" + before)).body().path("requiredApprovalSteps").toString())
                    .contains("communications", "legal");
            JsonNode later = ok(api.as("lena").get("/api/stories/" + after)).body();
            assertThat(later.path("approvalPolicies").get(0).path("version").asLong()).isEqualTo(2);
            assertThat(later.path("requiredApprovalSteps").toString()).doesNotContain("communications");
            assertThat(ok(api.as("lena").post(path(after, "approvals"), Map.of())).body().path("status").asText())
                    .isEqualTo("APPROVED");
        }
    }

    @Nested
    class Delegating {

        @Test
        void aDelegateSignsOnTheLeadsBehalfAndBothSeeTheDelegation() {
            Instant now = Instant.now();
            Response given = api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", "leo",
                    "until", now.plus(2, ChronoUnit.DAYS).toString()));
            assertThat(given.status()).as("%s", given).isEqualTo(201);
            String delegationId = given.body().path("delegation").path("delegationId").asText();
            assertThat(given.body().path("inForce").asBoolean()).isTrue();
            assertThat(ok(api.as("leo").get("/api/delegations")).body().findValuesAsText("delegationId"))
                    .contains(delegationId);
            JsonNode leosView = ok(api.as("leo").get("/api/delegations")).body();
            assertThat(leosView.get(0).path("allowedActions").size()).isZero();

            String storyId = inReviewStory(uniqueDesk());
            assertThat(ok(api.as("leo").get("/api/approvals/inbox")).body().findValuesAsText("storyId")).contains(storyId);
            JsonNode signed = ok(api.as("leo").post(path(storyId, "approvals"), Map.of("step", "legal"))).body();
            JsonNode approval = signed.path("approvals").get(0);
            assertThat(approval.path("approvedBy").asText()).isEqualTo("leo");
            assertThat(approval.path("onBehalfOf").asText()).isEqualTo("lena");

            assertThat(assertProblem(api.as("leo").post("/api/delegations/" + delegationId + "/revoke"), 409)
                    .path("rule").asText()).isEqualTo("OnlyDelegatorRevokes");
            ok(api.as("lena").post("/api/delegations/" + delegationId + "/revoke"));
            String another = inReviewStory(uniqueDesk());
            assertProblem(api.as("leo").post(path(another, "approvals"), Map.of("step", "legal")), 403);
        }

        /** Registers someone who then sets their own password; answers their caller. */
        private ApiClient.Caller person(String username, String role, String group) {
            Response registered = api.as("ada").post("/api/admin/users", Map.of("username", username,
                    "displayName", "Tess Tester", "roles", List.of(role), "groups", List.of(group)));
            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
            String oneTime = registered.body().path("oneTimePassword").asText();
            assertThat(api.as(username, oneTime).post("/api/me/password", Map.of("currentPassword", oneTime,
                    "newPassword", OWN_PASSWORD)).status()).isEqualTo(204);
            return api.as(username, OWN_PASSWORD);
        }

        private String delegate(ApiClient.Caller lead, String group, String delegate) {
            Response given = lead.post("/api/delegations", Map.of("group", group, "delegate", delegate,
                    "until", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
            assertThat(given.status()).as("%s", given).isEqualTo(201);
            return given.body().path("delegation").path("delegationId").asText();
        }

        @Test
        void aDelegationEndsWithItsLeadsAuthority() {
            String leadName = unique("lead");
            ApiClient.Caller lead = person(leadName, "GOVERNANCE_LEAD", "legal");
            String delegateName = unique("para");
            ApiClient.Caller paralegal = person(delegateName, "CONTRIBUTOR", "legal");
            String delegationId = delegate(lead, "legal", delegateName);
            String storyId = inReviewStory(uniqueDesk());
            assertThat(ok(paralegal.get("/api/approvals/inbox")).body().findValuesAsText("storyId")).contains(storyId);

            ok(api.as("ada").post("/api/admin/users/" + leadName + "/disable", Map.of("reason", "left the company")));

            assertProblem(paralegal.post(path(storyId, "approvals"), Map.of("step", "legal")), 403);
            assertProblem(paralegal.get("/api/approvals/inbox"), 403);
            JsonNode seen = ok(paralegal.get("/api/delegations")).body();
            assertThat(seen.findValuesAsText("delegationId")).contains(delegationId);
            assertThat(seen.get(0).path("inForce").asBoolean()).isFalse();
            assertThat(story(storyId).path("approvals")).isEmpty();
        }

        @Test
        void oneLeadsAuthoritySignsOncePerVersionThemselfOrThroughADelegate() {
            String policyId = unique("two-legal");
            ok(api.as("ada").put("/api/approval-policies/" + policyId, policy("Two legal",
                    List.of(step("communications", 1), step("legal", 2)), List.of())));
            String channelId = unique("wire");
            assertThat(api.as("ada").post("/api/channels", channel(channelId, "Wire", policyId)).status()).isEqualTo(201);
            String delegateName = unique("para");
            ApiClient.Caller paralegal = person(delegateName, "CONTRIBUTOR", "legal");
            delegate(api.as("lena"), "legal", delegateName);
            String storyId = inReviewOn(channelId);
            ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));
            ok(api.as("lena").post(path(storyId, "approvals"), Map.of("step", "legal")));

            JsonNode refused = assertProblem(paralegal.post(path(storyId, "approvals"), Map.of("step", "legal")), 409);
            assertThat(refused.path("rule").asText()).isEqualTo("DistinctApproversRequired");
            assertThat(refused.path("detail").asText()).contains("lena already signed step 'legal'");
            assertThat(story(storyId).path("status").asText()).isEqualTo("IN_REVIEW");
        }

        @Test
        void someoneWhoOnlyReadsIsNotADelegate() {
            String viewerName = unique("agency");
            person(viewerName, "VIEWER", "legal");
            assertFieldError(api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", viewerName,
                    "until", Instant.now().plus(1, ChronoUnit.DAYS).toString())), "delegate", "DelegateMayNotSign");
        }

        @Test
        void delegationRulesAreNamed() {
            String until = Instant.now().plus(1, ChronoUnit.DAYS).toString();
            assertFieldError(api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", "carla",
                    "until", until)), "delegate", "DelegateNotInGroup");
            assertFieldError(api.as("lena").post("/api/delegations", Map.of("group", "communications",
                    "delegate", "grace", "until", until)), "group", "DelegatorNotInGroup");
            assertFieldError(api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", "nobody",
                    "until", until)), "delegate", "KnownUser");
            assertProblem(api.as("eddie").post("/api/delegations", Map.of("group", "legal", "delegate", "leo",
                    "until", until)), 403);
        }
    }
}
