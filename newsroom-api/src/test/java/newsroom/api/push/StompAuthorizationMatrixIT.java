package newsroom.api.push;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Caller;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import newsroom.people.Action;
import newsroom.people.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.user.SimpUserRegistry;

/**
 * Every STOMP destination the server defines, against a person of each role, a disabled person's session, a revoked
 * token, an expired token and nobody: CONNECT succeeds only with a valid sign-in; SUBSCRIBE succeeds exactly for the
 * roles the domain's role→action table ({@link Action}) allows and ends the connection for every other role; SEND
 * succeeds only to the application's handlers, for the roles their action allows, and never to a topic.
 * <p>
 * The destinations are read from the server itself, the constants and builders of {@link Topics} and the
 * {@code @MessageMapping} handlers, so a destination without an entry in {@link #SUBSCRIBE} or {@link #SEND} fails
 * the test and a new one cannot be forgotten.
 */
class StompAuthorizationMatrixIT extends ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OWN_PASSWORD = "a long passphrase nobody guesses 7";
    /** Who may subscribe to each {@link Topics} constant or builder (by its Java name); absent: nobody. */
    private static final Map<String, Action> SUBSCRIBE = Map.ofEntries(
            entry("BOARD", Action.READ),
            entry("CALENDAR", Action.READ),
            entry("GOVERNANCE", Action.READ),
            entry("APPROVALS", Action.APPROVE),
            entry("USER_NOTIFICATIONS", Action.READ),
            entry("story", Action.READ),
            entry("presence", Action.READ),
            entry("calendarChannel", Action.READ));
    /** The server's own half of a user destination: reached through {@code /user/...} only, never subscribed to. */
    private static final Set<String> NOBODY_SUBSCRIBES = Set.of("NOTIFICATIONS");
    /** Who may send to each application destination. */
    private static final Map<String, Action> SEND = Map.of("/app/presence", Action.READ);

    @LocalServerPort
    private int port;
    @Autowired
    private SimpUserRegistry connectedUsers;
    @Autowired
    private SimpAnnotationMethodMessageHandler applicationHandlers;

    @Test
    void everyDestinationAnswersEachRoleAsTheActionTableSaysAndNobodyWithoutASignIn() throws Exception {
        String sample = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topics = topics(sample);
        assertThat(topics.keySet().stream().filter(name -> !SUBSCRIBE.containsKey(name)
                && !NOBODY_SUBSCRIBES.contains(name)))
                .as("STOMP destinations without an entry in the authorization matrix").isEmpty();
        List<String> applicationDestinations = applicationDestinations();
        assertThat(applicationDestinations).as("application destinations").isNotEmpty();
        assertThat(applicationDestinations.stream().filter(destination -> !SEND.containsKey(destination)))
                .as("application destinations without an entry in the authorization matrix").isEmpty();

        List<String> wrong = new ArrayList<>();
        signedOut().forEach((who, handshake) -> {
            if (!StompTestClient.connectFails(port, handshake)) {
                wrong.add("CONNECT as " + who + ": accepted");
            }
        });
        for (Map.Entry<Role, Person> entry : people().entrySet()) {
            Role role = entry.getKey();
            Person person = entry.getValue();
            Set<Action> allowed = Action.forRoles(Set.of(role));
            try (StompTestClient client = StompTestClient.connectWith(port, person.session().headers())) {
                for (Map.Entry<String, String> topic : topics.entrySet()) {
                    Action action = SUBSCRIBE.get(topic.getKey());
                    if (action != null && allowed.contains(action)) {
                        expectSubscribed(wrong, client, person.username(), role, topic.getValue());
                    }
                }
            }
            for (Map.Entry<String, String> topic : topics.entrySet()) {
                Action action = SUBSCRIBE.get(topic.getKey());
                if (action == null || !allowed.contains(action)) {
                    expectRefused(wrong, person, role, "SUBSCRIBE " + topic.getValue(),
                            client -> client.subscribe(topic.getValue()));
                }
                // only the server publishes to topics, whatever the sender's roles
                expectRefused(wrong, person, role, "SEND " + topic.getValue(),
                        client -> client.send(topic.getValue(), Map.of("forged", true)));
            }
            for (String destination : applicationDestinations) {
                if (allowed.contains(SEND.get(destination))) {
                    expectSent(wrong, person, role, destination, sample);
                } else {
                    expectRefused(wrong, person, role, "SEND " + destination,
                            client -> client.send(destination, presence(sample)));
                }
            }
        }
        assertThat(wrong).as("STOMP answers that disagree with the action table").isEmpty();
    }

    /**
     * The approval topic is for whoever may approve, as the domain decides: a member of legal without the lead role
     * gets it while a lead's delegation is in force (as she gets the approval inbox), and not once it is revoked.
     */
    @Test
    void aDelegateGetsTheApprovalTopicWhileHerDelegationIsInForce() throws Exception {
        String username = "stomp" + UUID.randomUUID().toString().substring(0, 6);
        Response registered = api.as("ada").post("/api/admin/users", Map.of("username", username,
                "displayName", "Stomp paralegal", "roles", List.of("CONTRIBUTOR"), "groups", List.of("legal")));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String oneTime = registered.body().path("oneTimePassword").asText();
        Caller session = api.session(username, oneTime);
        assertThat(session.post("/api/me/password",
                Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD)).status()).isEqualTo(204);
        Person paralegal = new Person(username, session);
        List<String> wrong = new ArrayList<>();
        expectRefused(wrong, paralegal, Role.CONTRIBUTOR, "SUBSCRIBE " + Topics.APPROVALS,
                client -> client.subscribe(Topics.APPROVALS));

        Response given = api.as("lena").post("/api/delegations", Map.of("group", "legal", "delegate", username,
                "until", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(given.status()).as("%s", given).isEqualTo(201);
        try (StompTestClient client = StompTestClient.connectWith(port, session.headers())) {
            expectSubscribed(wrong, client, username, Role.CONTRIBUTOR, Topics.APPROVALS);
        }

        // the answer comes once the delegations read model shows the revocation
        ok(api.as("lena").post("/api/delegations/" + given.body().path("delegation").path("delegationId").asText()
                + "/revoke"));
        expectRefused(wrong, paralegal, Role.CONTRIBUTOR, "SUBSCRIBE " + Topics.APPROVALS,
                client -> client.subscribe(Topics.APPROVALS));
        assertThat(wrong).isEmpty();
    }

    /** Every destination {@link Topics} defines: its constants, and its builders applied to a sample id. */
    private static Map<String, String> topics(String sample) throws ReflectiveOperationException {
        Map<String, String> topics = new LinkedHashMap<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class) {
                topics.put(field.getName(), (String) field.get(null));
            }
        }
        for (Method method : Topics.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())
                    && method.getReturnType() == String.class && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == String.class) {
                topics.put(method.getName(), (String) method.invoke(null, sample));
            }
        }
        return topics;
    }

    /** The {@code @MessageMapping} destinations the server's application handlers accept, with their prefix. */
    private List<String> applicationDestinations() {
        String prefix = applicationHandlers.getDestinationPrefixes().iterator().next();
        return applicationHandlers.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getDestinationConditions().getPatterns().stream())
                .map(pattern -> prefix.replaceAll("/$", "") + (pattern.startsWith("/") ? pattern : "/" + pattern))
                .toList();
    }

    private void expectSubscribed(List<String> wrong, StompTestClient client, String username, Role role,
                                  String destination) {
        client.subscribe(destination);
        try {
            // the server registers a subscription only once its checks let the frame through
            await().atMost(WAIT)
                    .until(() -> !client.connected() || !subscriptions(username, destination).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException notRegistered) {
            wrong.add("SUBSCRIBE " + destination + " as " + role + ": allowed, never registered");
            return;
        }
        if (!client.connected()) {
            wrong.add("SUBSCRIBE " + destination + " as " + role + ": allowed, refused with " + client.errors);
        }
    }

    private interface Frame {
        void send(StompTestClient client);
    }

    /**
     * A refused frame ends the connection (with an ERROR frame, which the server may close the socket before
     * flushing, so its text is not asserted); a fresh connection per frame, then. A refused subscription must
     * also never have been registered.
     */
    private void expectRefused(List<String> wrong, Person person, Role role, String what, Frame frame) {
        try (StompTestClient client = StompTestClient.connectWith(port, person.session().headers())) {
            frame.send(client);
            try {
                await().atMost(WAIT).until(() -> !client.connected());
            } catch (org.awaitility.core.ConditionTimeoutException stillOpen) {
                wrong.add(what + " as " + role + ": expected refusal, the connection stayed open");
                return;
            }
            String destination = what.substring(what.indexOf(' ') + 1);
            if (!subscriptions(person.username(), destination).isEmpty()) {
                wrong.add(what + " as " + role + ": refused, yet the server registered a subscription");
            }
        } catch (Exception connectFailed) {
            wrong.add(what + " as " + role + ": could not even connect: " + connectFailed);
        }
    }

    private Set<?> subscriptions(String username, String destination) {
        return connectedUsers.findSubscriptions(subscription -> subscription.getDestination().equals(destination)
                && subscription.getSession().getUser().getName().equals(username));
    }

    /** Presence is the one application destination: the sender sees itself in the story's presence list. */
    private void expectSent(List<String> wrong, Person person, Role role, String destination, String storyId)
            throws Exception {
        assertThat(destination).as("an application destination this test knows how to prove")
                .isEqualTo("/app/presence");
        try (StompTestClient client = StompTestClient.connectWith(port, person.session().headers())) {
            List<JsonNode> presence = client.subscribe(Topics.presence(storyId));
            expectSubscribed(wrong, client, person.username(), role, Topics.presence(storyId));
            client.send(destination, presence(storyId));
            try {
                await().atMost(WAIT).until(() -> presence.stream()
                        .anyMatch(list -> list.path("people").toString().contains(person.username())));
            } catch (org.awaitility.core.ConditionTimeoutException notHandled) {
                wrong.add("SEND " + destination + " as " + role + ": allowed, not handled: " + client.errors);
            }
        }
    }

    private static Map<String, Object> presence(String storyId) {
        return Map.of("storyId", storyId, "mode", "VIEWING");
    }

    private record Person(String username, Caller session) {
    }

    /** A fresh person per role, so the server's record of their subscriptions is theirs alone. */
    private Map<Role, Person> people() {
        Map<Role, Person> people = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String username = "stomp" + UUID.randomUUID().toString().substring(0, 6);
            Response registered = api.as("ada").post("/api/admin/users",
                    Map.of("username", username, "displayName", "Stomp " + role, "roles", List.of(role.name())));
            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
            String oneTime = registered.body().path("oneTimePassword").asText();
            Caller session = api.session(username, oneTime);
            assertThat(session.post("/api/me/password",
                    Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD)).status()).isEqualTo(204);
            people.put(role, new Person(username, session));
        }
        return people;
    }

    /** The handshakes that must not open a connection. */
    private Map<String, Map<String, String>> signedOut() {
        return Map.of("nobody", Map.of(), "a disabled person's session", disabledSession().headers(),
                "a revoked token", revokedToken().headers(), "an expired token", expiredToken().headers());
    }

    private Caller disabledSession() {
        String username = "stomp" + UUID.randomUUID().toString().substring(0, 6);
        Response registered = api.as("ada").post("/api/admin/users",
                Map.of("username", username, "displayName", "Disabled", "roles", List.of("VIEWER")));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        Caller session = api.session(username, registered.body().path("oneTimePassword").asText());
        assertThat(StompTestClient.connectFails(port, session.headers())).as("connects before it is disabled")
                .isFalse();
        ok(api.as("ada").post("/api/admin/users/" + username + "/disable", Map.of("reason", "stomp matrix")));
        return session;
    }

    private Caller revokedToken() {
        Caller session = api.session("victor");
        Response created = session.post("/api/me/tokens", Map.of("name", "stomp matrix"));
        Caller token = api.bearer(created.body().path("token").asText());
        assertThat(StompTestClient.connectFails(port, token.headers())).as("connects before it is revoked").isFalse();
        assertThat(session.delete("/api/me/tokens/" + created.body().path("id").asText()).status()).isEqualTo(204);
        return token;
    }

    private Caller expiredToken() {
        Response created = api.session("victor").post("/api/me/tokens",
                Map.of("name", "stomp short-lived", "expiresAt", Instant.now().plusSeconds(3).toString()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        Caller expired = api.bearer(created.body().path("token").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> expired.get("/api/me").status() == 401);
        return expired;
    }
}
