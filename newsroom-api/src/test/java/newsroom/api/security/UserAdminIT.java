package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Caller;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * People are data: an admin registers them, changes their roles and groups, disables and re-enables them and forces
 * password resets over the API; sign-in follows every change at once; each refusal is problem+json naming its rule.
 */
class UserAdminIT extends ApiIntegrationTest {

    private static final String OWN_PASSWORD = "blue-river-stone-42";

    private static String uniqueUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void assertProblem(Response response, int status, String rule) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (status == 400) {
            assertThat(response.body().path("errors")).extracting(error -> error.path("rule").asText()).contains(rule);
        } else {
            assertThat(response.body().path("rule").asText()).as("%s", response).isEqualTo(rule);
        }
    }

    private Response register(String username, List<String> roles, List<String> groups) {
        return api.as("ada").post("/api/admin/users",
                Map.of("username", username, "displayName", "Pia Tester", "roles", roles, "groups", groups));
    }

    /** Registers someone and lets them replace the one-time password; answers their caller. */
    private Caller registeredAndSignedIn(String username, List<String> roles, List<String> groups) {
        Response registered = register(username, roles, groups);
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String oneTime = registered.body().path("oneTimePassword").asText();
        assertThat(api.as(username, oneTime).post("/api/me/password",
                Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD)).status()).isEqualTo(204);
        return api.as(username, OWN_PASSWORD);
    }

    private JsonNode account(String username) {
        return ok(api.as("ada").get("/api/admin/users/" + username)).body();
    }

    @Nested
    class Registering {

        @Test
        void aNewPersonSignsInWithTheOneTimePasswordAndMustSetTheirOwnBeforeAnythingElse() {
            String username = uniqueUsername();
            Response registered = register(username, List.of("EDITOR"), List.of("newsdesk"));

            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
            assertThat(registered.header("Location")).isEqualTo("/api/admin/users/" + username);
            String oneTime = registered.body().path("oneTimePassword").asText();
            assertThat(oneTime).hasSizeGreaterThanOrEqualTo(20);
            JsonNode account = registered.body().path("account");
            assertThat(texts(account.path("roles"))).containsExactly("EDITOR");
            assertThat(texts(account.path("groups"))).containsExactly("newsdesk");
            assertThat(account.path("enabled").asBoolean()).isTrue();
            assertThat(account.path("passwordChangeRequired").asBoolean()).isTrue();
            assertThat(account.path("registeredBy").asText()).isEqualTo("ada");

            Caller withOneTime = api.as(username, oneTime);
            JsonNode me = ok(withOneTime.get("/api/me")).body();
            assertThat(me.path("passwordChangeRequired").asBoolean()).isTrue();
            assertThat(me.path("actions")).isEmpty();
            assertProblem(withOneTime.get("/api/stories"), 403, "PasswordChangeRequired");
            assertThat(withOneTime.get("/api/stories").body().path("type").asText())
                    .isEqualTo("/problems/password-change-required");

            assertProblem(withOneTime.post("/api/me/password",
                    Map.of("currentPassword", "not-the-one-time-one", "newPassword", OWN_PASSWORD)), 400,
                    "CurrentPasswordIncorrect");
            assertProblem(withOneTime.post("/api/me/password",
                    Map.of("currentPassword", oneTime, "newPassword", oneTime)), 400, "NewPasswordMustDiffer");
            assertThat(withOneTime.post("/api/me/password",
                    Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD)).status()).isEqualTo(204);

            assertThat(api.as(username, oneTime).get("/api/me").status()).isEqualTo(401);
            Caller withOwn = api.as(username, OWN_PASSWORD);
            JsonNode afterwards = ok(withOwn.get("/api/me")).body();
            assertThat(afterwards.path("passwordChangeRequired").asBoolean()).isFalse();
            assertThat(texts(afterwards.path("groups"))).containsExactly("newsdesk");
            assertThat(texts(afterwards.path("actions"))).contains("PLAN_PLACEMENT");
            ok(withOwn.get("/api/stories"));
            assertThat(ok(api.as("victor").get("/api/users")).body().findValuesAsText("username")).contains(username);
        }

        @Test
        void registrationsBreakingARuleAreRefusedWithItsName() {
            assertProblem(register("Not Valid", List.of("EDITOR"), List.of()), 400, "UsernameFormat");
            assertProblem(register(uniqueUsername(), List.of(), List.of()), 400, "AtLeastOneRole");
            assertProblem(register(uniqueUsername(), List.of("EDITOR"), List.of("Legal Team")), 400, "GroupNameFormat");
            assertProblem(register("carla", List.of("EDITOR"), List.of()), 409, "UsernameTaken");

            Response unknownRole = register(uniqueUsername(), List.of("BOSS"), List.of());
            assertThat(unknownRole.status()).isEqualTo(400);
            assertThat(unknownRole.body().path("errors").get(0).path("field").asText()).startsWith("roles");
        }

        @Test
        void aRefusedRegistrationStoresNothing() {
            String username = uniqueUsername();
            assertProblem(register(username, List.of(), List.of()), 400, "AtLeastOneRole");

            assertThat(api.as("ada").get("/api/admin/users/" + username).status()).isEqualTo(404);
            assertThat(api.as("ada").get("/api/admin/users/" + username + "/history").status()).isEqualTo(404);
        }

        @Test
        void onlyAnAdminManagesAccountsAndAdminsAndAuditorsReadThem() {
            Response byEditor = api.as("eddie").post("/api/admin/users",
                    Map.of("username", uniqueUsername(), "roles", List.of("EDITOR")));
            assertThat(byEditor.status()).isEqualTo(403);
            assertThat(byEditor.body().path("action").asText()).isEqualTo("MANAGE_USERS");
            assertThat(api.as("otto").post("/api/admin/users/carla/disable").status()).isEqualTo(403);

            JsonNode seenByAuditor = ok(api.as("otto").get("/api/admin/users")).body();
            assertThat(seenByAuditor.findValuesAsText("username")).contains("admin", "ada", "carla", "otto");
            assertThat(ok(api.as("otto").get("/api/admin/users/carla/history")).body()).isNotEmpty();
            Response byViewer = api.as("victor").get("/api/admin/users");
            assertThat(byViewer.status()).isEqualTo(403);
            assertThat(byViewer.body().path("action").asText()).isEqualTo("READ_AUDIT_TRAIL");
        }

        @Test
        void anAnswerWithAOneTimePasswordIsNeverKeptForAnIdempotentRetry() {
            String username = uniqueUsername();
            Map<String, Object> registration = Map.of("username", username, "roles", List.of("VIEWER"));
            Caller withKey = api.as("ada").header("Idempotency-Key", "register-" + username);

            Response first = withKey.post("/api/admin/users", registration);
            Response retry = withKey.post("/api/admin/users", registration);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.header("Idempotency-Replayed")).isNull();
            assertProblem(retry, 409, "UsernameTaken");
            assertThat(retry.rawBody()).doesNotContain(first.body().path("oneTimePassword").asText());
        }

        @Test
        void accountsAndTheirHistoryNeverShowAPassword() {
            String username = uniqueUsername();
            registeredAndSignedIn(username, List.of("CONTRIBUTOR"), List.of("hr"));
            ok(api.as("ada").post("/api/admin/users/" + username + "/password-reset"));

            String everything = ok(api.as("ada").get("/api/admin/users")).rawBody()
                    + ok(api.as("ada").get("/api/admin/users/" + username + "/history")).rawBody()
                    + ok(api.as("victor").get("/api/users")).rawBody();
            assertThat(everything).doesNotContain("$2a$", "{bcrypt}", OWN_PASSWORD).doesNotContainIgnoringCase("hash");
        }
    }

    @Nested
    class RolesAndGroups {

        @Test
        void newRolesTakeEffectAtOnce() {
            String username = uniqueUsername();
            Caller person = registeredAndSignedIn(username, List.of("VIEWER"), List.of());
            assertThat(person.post("/api/stories", content("A pitch", uniqueDesk())).status()).isEqualTo(403);

            Response changed = ok(api.as("ada").put("/api/admin/users/" + username + "/roles",
                    Map.of("roles", List.of("CONTRIBUTOR"))));

            assertThat(texts(changed.body().path("roles"))).containsExactly("CONTRIBUTOR");
            assertThat(person.post("/api/stories", content("A pitch", uniqueDesk())).status()).isEqualTo(201);
            assertThat(texts(ok(person.get("/api/me")).body().path("roles"))).containsExactly("CONTRIBUTOR");
        }

        @Test
        void aGovernanceLeadSignsOnlyTheStepsOfHerGroupsAsTheAdminSetsThem() {
            String username = uniqueUsername();
            Caller lead = registeredAndSignedIn(username, List.of("GOVERNANCE_LEAD"), List.of("brand"));
            String storyId = inReviewStory(uniqueDesk());

            Response refused = lead.post(path(storyId, "approvals"), Map.of("step", "communications"));
            assertProblem(refused, 409, "ApproverNotInStepGroup");
            assertThat(texts(ok(lead.get("/api/stories/" + storyId)).body().path("approvableSteps"))).isEmpty();

            ok(api.as("ada").put("/api/admin/users/" + username + "/groups",
                    Map.of("groups", List.of("brand", "communications"))));

            assertThat(texts(ok(lead.get("/api/stories/" + storyId)).body().path("approvableSteps")))
                    .containsExactly("communications");
            ok(lead.post(path(storyId, "approvals"), Map.of("step", "communications")));
        }

        @Test
        void aChangeBasedOnAnOldVersionIsRefusedWithTheCurrentOne() {
            String username = uniqueUsername();
            registeredAndSignedIn(username, List.of("VIEWER"), List.of());
            long version = account(username).path("version").asLong();
            ok(api.as("ada").put("/api/admin/users/" + username + "/groups", Map.of("groups", List.of("hr"))));

            Response stale = api.as("ada").header("If-Match", "\"" + version + "\"")
                    .put("/api/admin/users/" + username + "/roles", Map.of("roles", List.of("EDITOR")));

            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.body().path("type").asText()).isEqualTo("/problems/version-conflict");
            assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(version + 1);
            assertThat(texts(account(username).path("roles"))).containsExactly("VIEWER");
        }

        @Test
        void anAdminKeepsTheirOwnAdminRoleAndNeedsAtLeastOne() {
            assertProblem(api.as("ada").put("/api/admin/users/ada/roles", Map.of("roles", List.of("EDITOR"))), 409,
                    "CannotRevokeYourOwnAdminRole");
            assertProblem(api.as("ada").put("/api/admin/users/carla/roles", Map.of("roles", List.of())), 400,
                    "AtLeastOneRole");
            assertThat(texts(account("ada").path("roles"))).containsExactly("ADMIN");
        }

        @Test
        void anUnknownUserIsNotFound() {
            Response unknown = api.as("ada").put("/api/admin/users/nobody-here/roles",
                    Map.of("roles", List.of("EDITOR")));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body().path("type").asText()).isEqualTo("/problems/user-not-found");
        }
    }

    @Nested
    class DisablingAndPasswords {

        @Test
        void aDisabledUserIsRefusedAtOnceAndCanBeLetBackIn() {
            String username = uniqueUsername();
            Caller person = registeredAndSignedIn(username, List.of("EDITOR"), List.of());
            ok(person.get("/api/me")); // signed in, and remembered

            Response disabled = ok(api.as("ada").post("/api/admin/users/" + username + "/disable",
                    Map.of("reason", "left the company")));

            assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
            assertThat(person.get("/api/me").status()).isEqualTo(401);
            assertThat(ok(api.as("victor").get("/api/users")).body().findValuesAsText("username"))
                    .doesNotContain(username);
            String storyId = pitch("carla", content("For someone who left", uniqueDesk()));
            Response assign = api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", username));
            assertProblem(assign, 400, "KnownUser");
            assertProblem(api.as("ada").post("/api/admin/users/" + username + "/disable"), 409, "UserAlreadyDisabled");

            ok(api.as("ada").post("/api/admin/users/" + username + "/enable"));

            ok(person.get("/api/me"));
            assertProblem(api.as("ada").post("/api/admin/users/" + username + "/enable"), 409, "UserNotDisabled");
            JsonNode history = ok(api.as("ada").get("/api/admin/users/" + username + "/history")).body();
            assertThat(history.findValuesAsText("type")).containsSubsequence("UserRegistered", "PasswordChanged",
                    "UserDisabled", "UserReEnabled");
            assertThat(history.get(2).path("by").asText()).isEqualTo("ada");
            assertThat(history.get(2).path("data").path("reason").asText()).isEqualTo("left the company");
        }

        @Test
        void aDisabledPersonsCalendarFeedStopsAndComesBackWithTheAccount() {
            String username = uniqueUsername();
            Caller person = registeredAndSignedIn(username, List.of("VIEWER"), List.of());
            String feed = ok(person.get("/api/me/calendar-feed")).body().path("token").asText();
            ok(api.anonymous().get("/calendar.ics?token=" + feed));

            ok(api.as("ada").post("/api/admin/users/" + username + "/disable"));
            assertThat(api.anonymous().get("/calendar.ics?token=" + feed).status()).isEqualTo(401);

            ok(api.as("ada").post("/api/admin/users/" + username + "/enable"));
            ok(api.anonymous().get("/calendar.ics?token=" + feed));
        }

        @Test
        void anAdminCannotDisableThemselfAndIsNotOfferedTo() {
            assertProblem(api.as("ada").post("/api/admin/users/ada/disable"), 409, "CannotDisableYourself");

            assertThat(texts(account("ada").path("allowedActions"))).doesNotContain("DISABLE", "RE_ENABLE")
                    .contains("CHANGE_ROLES", "CHANGE_PASSWORD");
            assertThat(texts(account("carla").path("allowedActions"))).contains("DISABLE", "RESET_PASSWORD")
                    .doesNotContain("CHANGE_PASSWORD");
            assertThat(texts(ok(api.as("otto").get("/api/admin/users/carla")).body().path("allowedActions"))).isEmpty();
        }

        @Test
        void aChangedPasswordTakesEffectAtOnce() {
            String username = uniqueUsername();
            Caller person = registeredAndSignedIn(username, List.of("CONTRIBUTOR"), List.of());
            ok(person.get("/api/me"));

            assertThat(person.post("/api/me/password", Map.of("currentPassword", OWN_PASSWORD,
                    "newPassword", "green-valley-cloud-77")).status()).isEqualTo(204);

            assertThat(person.get("/api/me").status()).isEqualTo(401);
            ok(api.as(username, "green-valley-cloud-77").get("/api/me"));
        }

        @Test
        void aNewPasswordMustKeepThePolicy() {
            String username = uniqueUsername() + "-long"; // long enough to be tried as a password
            Caller person = registeredAndSignedIn(username, List.of("CONTRIBUTOR"), List.of());

            for (Map.Entry<String, String> refused : Map.of("short-one", "PasswordTooShort",
                    username, "PasswordEqualsUsername", "password1234", "PasswordTooCommon",
                    "qwertyuiop12", "PasswordTooGuessable", "blue-river-stone-".repeat(5), "PasswordTooLong").entrySet()) {
                Response answer = person.post("/api/me/password",
                        Map.of("currentPassword", OWN_PASSWORD, "newPassword", refused.getKey()));
                assertProblem(answer, 400, refused.getValue());
                assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
            }
            ok(person.get("/api/me"));
        }

        @Test
        void aForcedResetEndsTheOldPasswordAndTheUserMustSetANewOne() {
            String username = uniqueUsername();
            Caller person = registeredAndSignedIn(username, List.of("CONTRIBUTOR"), List.of());
            ok(person.get("/api/me"));

            Response reset = ok(api.as("ada").post("/api/admin/users/" + username + "/password-reset"));
            String oneTime = reset.body().path("oneTimePassword").asText();

            assertThat(person.get("/api/me").status()).isEqualTo(401);
            Caller withOneTime = api.as(username, oneTime);
            assertProblem(withOneTime.get("/api/board"), 403, "PasswordChangeRequired");
            assertThat(withOneTime.post("/api/me/password",
                    Map.of("currentPassword", oneTime, "newPassword", "green-valley-cloud-77")).status()).isEqualTo(204);
            ok(api.as(username, "green-valley-cloud-77").get("/api/board"));
            JsonNode history = ok(api.as("otto").get("/api/admin/users/" + username + "/history")).body();
            assertThat(history.findValuesAsText("type")).containsSubsequence("PasswordReset", "PasswordChanged");
        }
    }

    @Test
    void aUserAccountsHistoryIsNotAStorysHistory() {
        assertThat(api.as("victor").get("/api/stories/user:ada/history").status()).isEqualTo(404);
    }
}
