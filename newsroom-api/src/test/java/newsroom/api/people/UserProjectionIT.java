package newsroom.api.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import newsroom.people.UserAccount;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code users} read model is idempotent and can be rebuilt from the event store while the server serves. */
class UserProjectionIT extends ApiIntegrationTest {

    @Autowired
    private UserProjection projection;

    @Autowired
    private EventStore eventStore;

    /** An account with every kind of event: registered, password changed, roles, groups, disabled, re-enabled, reset. */
    private String accountWithAHistory() {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String oneTime = ok201(api.as("ada").post("/api/admin/users",
                Map.of("username", username, "roles", List.of("VIEWER")))).path("oneTimePassword").asText();
        assertThat(api.as(username, oneTime).post("/api/me/password",
                Map.of("currentPassword", oneTime, "newPassword", "blue-river-stone-42")).status()).isEqualTo(204);
        ok(api.as("ada").put("/api/admin/users/" + username + "/roles", Map.of("roles", List.of("CONTRIBUTOR"))));
        ok(api.as("ada").put("/api/admin/users/" + username + "/groups", Map.of("groups", List.of("hr"))));
        ok(api.as("ada").post("/api/admin/users/" + username + "/disable"));
        ok(api.as("ada").post("/api/admin/users/" + username + "/enable"));
        ok(api.as("ada").post("/api/admin/users/" + username + "/password-reset"));
        return username;
    }

    private static JsonNode ok201(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.body();
    }

    private JsonNode account(String username) {
        return ok(api.as("otto").get("/api/admin/users/" + username)).body();
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        String username = accountWithAHistory();
        JsonNode before = account(username);
        assertThat(before.path("version").asLong()).isEqualTo(6);

        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        DomainEventStream events = eventStore.readEvents(UserAccount.idOf(username));
        int delivered = 0;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            handlers.handle(event);
            handlers.handle(event);
            delivered++;
        }

        assertThat(delivered).isEqualTo(7);
        assertThat(account(username)).isEqualTo(before);
        assertThat(api.as(username, "blue-river-stone-42").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aRebuiltUsersReadModelEqualsTheLiveOne() {
        String username = accountWithAHistory();
        JsonNode before = ok(api.as("otto").get("/api/admin/users")).body();
        assertThat(before.findValuesAsText("username")).contains(username, "admin", "ada");
        long head = ((GlobalSequenceTrackingToken) eventStore.createHeadToken()).getGlobalIndex();

        assertThat(api.as("eddie").post("/api/admin/projections/users/rebuild").status()).isEqualTo(403);
        assertThat(api.as("ada").post("/api/admin/projections/users/rebuild").status()).isEqualTo(202);

        // while the read model is rebuilt nobody can sign in for a moment; afterwards it is as it was
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode status = ok(api.as("ada").get("/api/admin/projections")).body();
            for (JsonNode projection : status.path("projections")) {
                if (projection.path("name").asText().equals("users")) {
                    assertThat(projection.path("position").asLong()).isGreaterThanOrEqualTo(head);
                }
            }
        });
        assertThat(ok(api.as("otto").get("/api/admin/users")).body()).isEqualTo(before);
        ok(api.as("carla").get("/api/me"));
    }
}
