package newsroom.api.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Caller;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.OpenApi;
import newsroom.people.Action;
import newsroom.people.Role;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP endpoint the served OpenAPI document lists, against nobody, a disabled person's session, a revoked
 * token, an expired token and a person of each role: the roles the domain's role→action table ({@link Action}) allows get past the
 * role check (any answer but 401 and 403), every other role gets 403, and without a valid sign-in it is 401. An
 * endpoint that is not in {@link #ACTIONS} fails the test, so a new one cannot be forgotten.
 */
class AuthorizationMatrixIT extends ApiIntegrationTest {

    /** Open to everybody: how to sign in, signing in and out. */
    private static final Set<String> OPEN = Set.of("GET /api/session/options", "POST /api/session",
            "DELETE /api/session");
    /** Signed in by the personal feed token in its URL, never by a session (calendar apps cannot sign in). */
    private static final String FEED = "GET /calendar.ics";
    /** The action each endpoint takes; {@code READ} is "everyone signed in". */
    private static final Map<String, Action> ACTIONS = Map.ofEntries(
            entry("GET /api/stories", Action.READ),
            entry("POST /api/stories", Action.PITCH),
            entry("GET /api/stories/{}", Action.READ),
            entry("GET /api/stories/{}/history", Action.READ),
            entry("POST /api/stories/{}/accept", Action.ACCEPT_PITCH),
            entry("POST /api/stories/{}/decline", Action.DECLINE_PITCH),
            entry("PUT /api/stories/{}/draft", Action.EDIT_DRAFT),
            entry("POST /api/stories/{}/assign", Action.ASSIGN),
            entry("POST /api/stories/{}/submit", Action.SUBMIT),
            entry("POST /api/stories/{}/approvals", Action.APPROVE),
            entry("POST /api/stories/{}/change-requests", Action.REQUEST_CHANGES),
            entry("POST /api/stories/{}/placements", Action.PLAN_PLACEMENT),
            entry("POST /api/stories/{}/placements/{}/reschedule", Action.RESCHEDULE_PLACEMENT),
            entry("POST /api/stories/{}/placements/{}/cancel", Action.CANCEL_PLACEMENT),
            entry("POST /api/stories/{}/placements/{}/publish", Action.PUBLISH_PLACEMENT),
            entry("POST /api/stories/{}/placements/{}/redeliver", Action.REDELIVER_PLACEMENT),
            entry("POST /api/stories/{}/placements/{}/resume", Action.RESUME_PLACEMENT),
            entry("POST /api/stories/{}/placements/{}/quiet-period-overrides", Action.OVERRIDE_QUIET_PERIOD),
            entry("POST /api/stories/{}/comments", Action.COMMENT),
            entry("POST /api/stories/{}/kill", Action.KILL_STORY),
            entry("GET /api/board", Action.READ),
            entry("GET /api/approvals/inbox", Action.APPROVE),
            entry("GET /api/channels", Action.READ),
            entry("GET /api/channels/{}", Action.READ),
            entry("POST /api/channels", Action.MANAGE_CHANNELS),
            entry("PUT /api/channels/{}", Action.MANAGE_CHANNELS),
            entry("POST /api/channels/{}/retire", Action.MANAGE_CHANNELS),
            entry("GET /api/approval-policies", Action.READ),
            entry("GET /api/approval-policies/{}", Action.READ),
            entry("PUT /api/approval-policies/{}", Action.MANAGE_APPROVAL_POLICIES),
            entry("GET /api/delegations", Action.READ),
            entry("POST /api/delegations", Action.DELEGATE_SIGNING),
            // only the delegating lead may revoke: the domain says so (409), not the role check
            entry("POST /api/delegations/{}/revoke", Action.READ),
            entry("GET /api/crisis", Action.READ),
            entry("POST /api/crisis", Action.SWITCH_CRISIS_MODE),
            entry("POST /api/crisis/end", Action.SWITCH_CRISIS_MODE),
            entry("GET /api/admin/connectors", Action.MANAGE_CONNECTORS),
            entry("GET /api/admin/channels/{}/connector", Action.MANAGE_CONNECTORS),
            entry("PUT /api/admin/channels/{}/connector", Action.MANAGE_CONNECTORS),
            entry("GET /api/audit/verify", Action.READ_AUDIT_TRAIL),
            entry("POST /api/audit/verify", Action.READ_AUDIT_TRAIL),
            entry("POST /api/audit/checkpoints", Action.READ_AUDIT_TRAIL),
            entry("GET /api/audit/publications", Action.READ_AUDIT_TRAIL),
            entry("GET /api/audit/events", Action.READ_AUDIT_TRAIL),
            entry("GET /api/audit/events/export.csv", Action.READ_AUDIT_TRAIL),
            entry("GET /api/audit/events/export.json", Action.READ_AUDIT_TRAIL),
            entry("GET /api/calendar", Action.READ),
            entry("GET /api/calendar/collisions", Action.READ),
            entry("GET /api/calendar/export.csv", Action.READ),
            entry("GET /api/campaigns", Action.READ),
            entry("GET /api/campaigns/{}", Action.READ),
            entry("PUT /api/campaigns/{}", Action.DEFINE_CAMPAIGN),
            entry("GET /api/blackouts", Action.READ),
            entry("POST /api/blackouts", Action.DEFINE_BLACKOUT),
            entry("POST /api/blackouts/{}/lift", Action.DEFINE_BLACKOUT),
            entry("GET /api/notifications", Action.READ),
            entry("GET /api/live/updates", Action.READ),
            entry("GET /api/me", Action.READ),
            entry("POST /api/me/password", Action.READ),
            entry("GET /api/me/calendar-feed", Action.READ),
            entry("POST /api/me/calendar-feed/rotate", Action.READ),
            entry("GET /api/me/tokens", Action.READ),
            entry("POST /api/me/tokens", Action.READ),
            entry("DELETE /api/me/tokens/{}", Action.READ),
            entry("GET /api/users", Action.READ),
            entry("GET /api/admin/users", Action.READ_AUDIT_TRAIL),
            entry("GET /api/admin/users/{}", Action.READ_AUDIT_TRAIL),
            entry("GET /api/admin/users/{}/history", Action.READ_AUDIT_TRAIL),
            entry("GET /api/admin/users/{}/tokens", Action.READ_AUDIT_TRAIL),
            entry("GET /api/admin/sign-ins", Action.READ_AUDIT_TRAIL),
            entry("POST /api/admin/users", Action.MANAGE_USERS),
            entry("PUT /api/admin/users/{}/roles", Action.MANAGE_USERS),
            entry("PUT /api/admin/users/{}/groups", Action.MANAGE_USERS),
            entry("POST /api/admin/users/{}/disable", Action.MANAGE_USERS),
            entry("POST /api/admin/users/{}/enable", Action.MANAGE_USERS),
            entry("POST /api/admin/users/{}/password-reset", Action.MANAGE_USERS),
            entry("DELETE /api/admin/users/{}/tokens/{}", Action.MANAGE_USERS),
            entry("GET /api/admin/projections", Action.MANAGE_PROJECTIONS),
            entry("POST /api/admin/projections/{}/rebuild", Action.MANAGE_PROJECTIONS));
    /** One demo person per role. */
    private static final Map<Role, String> PEOPLE = new EnumMap<>(Map.of(Role.CONTRIBUTOR, "carla",
            Role.EDITOR, "eddie", Role.GOVERNANCE_LEAD, "grace", Role.ADMIN, "ada", Role.VIEWER, "victor",
            Role.AUDITOR, "otto"));
    /** Far from any other test's weeks, so nothing made here collides with them. */
    private static final Map<String, String> QUERY = Map.of("from", "2031-01-06T00:00:00Z",
            "to", "2031-01-13T00:00:00Z", "after", "0", "token", "not-a-feed-token");

    @Test
    void everyEndpointAnswersEachRoleAsTheActionTableSaysAndNobodyWithoutASignIn() {
        OpenApi document = OpenApi.of(api);
        List<OpenApi.Operation> operations = document.operations();
        assertThat(operations.stream().map(OpenApi.Operation::signature)
                .filter(signature -> !ACTIONS.containsKey(signature) && !OPEN.contains(signature)
                        && !FEED.equals(signature)))
                .as("endpoints without an entry in the authorization matrix").isEmpty();

        String throwaway = registerThrowaway();
        Map<String, String> pathValues = Map.of("storyId", pitch("carla", content("Matrix", uniqueDesk())),
                "placementId", "none", "campaignId", "matrix", "blackoutId", "none", "name", "none",
                "username", throwaway, "tokenId", "none", "channelId", "no-such-channel", "policyId", "no-such-policy",
                "delegationId", "none");
        Map<Role, Caller> byRole = new EnumMap<>(Role.class);
        PEOPLE.forEach((role, username) -> byRole.put(role, api.session(username)));
        Map<String, Caller> signedOut = Map.of("nobody", api.anonymous(), "a disabled person's session",
                disabledSession(), "a revoked token", revokedToken(), "an expired token", expiredToken());

        List<String> wrong = new ArrayList<>();
        for (OpenApi.Operation operation : operations) {
            String signature = operation.signature();
            String path = operation.pathWith(pathValues) + query(operation);
            Object body = operation.bodySchema() == null ? null : example(operation.bodySchema(), document);
            if (OPEN.contains(signature)) {
                continue;
            }
            signedOut.forEach((who, nobody) ->
                    expect(wrong, operation, who, send(nobody, operation.method(), path, body), 401));
            if (FEED.equals(signature)) {
                continue;
            }
            Action action = ACTIONS.get(signature);
            for (Map.Entry<Role, Caller> person : byRole.entrySet()) {
                Response answer = send(person.getValue(), operation.method(), path, body);
                boolean allowed = Action.forRoles(Set.of(person.getKey())).contains(action);
                if (allowed && (answer.status() == 401 || answer.status() == 403)) {
                    wrong.add(operation + " as " + person.getKey() + ": allowed, answered " + answer);
                } else if (!allowed) {
                    expect(wrong, operation, person.getKey().name(), answer, 403);
                }
            }
        }
        // the store is shared by every IT: never leave the newsroom in the crisis a lead's call switched on
        if (ok(api.as("victor").get("/api/crisis")).body().path("active").asBoolean()) {
            ok(api.as("grace").post("/api/crisis/end", Map.of("reason", "matrix over")));
        }
        assertThat(wrong).as("answers that disagree with the action table").isEmpty();
    }

    private static void expect(List<String> wrong, OpenApi.Operation operation, String who, Response answer,
                               int status) {
        if (answer.status() != status) {
            wrong.add(operation + " as " + who + ": expected " + status + ", answered " + answer);
        }
    }

    private static Response send(Caller caller, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> caller.get(path);
            case "DELETE" -> caller.delete(path);
            case "PUT" -> caller.put(path, body == null ? Map.of() : body);
            default -> body == null ? caller.post(path) : caller.post(path, body);
        };
    }

    private static String query(OpenApi.Operation operation) {
        String query = operation.queryParameters().stream().filter(QUERY::containsKey)
                .map(name -> name + "=" + QUERY.get(name)).collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    /** A body of the schema's shape with every property set, so it parses and the role check decides. */
    private static Object example(JsonNode schema, OpenApi document) {
        JsonNode resolved = document.resolve(schema);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0).asText();
        }
        switch (resolved.path("type").asText("object")) {
            case "array":
                return List.of(example(resolved.path("items"), document));
            case "integer":
            case "number":
                return 1;
            case "boolean":
                return false;
            case "string":
                if (resolved.hasNonNull("example")) {
                    return resolved.path("example").asText(); // a value the endpoint's own rules accept
                }
                return switch (resolved.path("format").asText("")) {
                    case "date-time" -> "2031-01-06T09:00:00Z";
                    case "date" -> "2031-01-06";
                    default -> "matrix";
                };
            default:
                Map<String, Object> object = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.put(property.getKey(), example(property.getValue(), document));
                }
                return object;
        }
    }

    private String registerThrowaway() {
        String username = "matrix" + UUID.randomUUID().toString().substring(0, 6);
        Response registered = api.as("ada").post("/api/admin/users",
                Map.of("username", username, "displayName", "Matrix", "roles", List.of("VIEWER")));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return username;
    }

    private Caller disabledSession() {
        String username = registerThrowaway();
        Caller session = api.session(username, api.as("ada")
                .post("/api/admin/users/" + username + "/password-reset").body().path("oneTimePassword").asText());
        ok(api.as("ada").post("/api/admin/users/" + username + "/disable", Map.of("reason", "matrix")));
        return session;
    }

    private Caller expiredToken() {
        Response created = api.session("victor").post("/api/me/tokens",
                Map.of("name", "short-lived", "expiresAt", Instant.now().plusSeconds(3).toString()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        Caller expired = api.bearer(created.body().path("token").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> expired.get("/api/me").status() == 401);
        return expired;
    }

    private Caller revokedToken() {
        Caller session = api.session("victor");
        Response created = session.post("/api/me/tokens", Map.of("name", "matrix"));
        assertThat(session.delete("/api/me/tokens/" + created.body().path("id").asText()).status()).isEqualTo(204);
        return api.bearer(created.body().path("token").asText());
    }
}
