package newsroom.api.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.StandaloneServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start on an empty store (without the demo profile, as in production) creates exactly one administrator, {@code admin}, and nothing else; a later
 * start creates nothing and prints nothing. Without {@code NEWSROOM_ADMIN_PASSWORD} its one-time password is
 * printed once; with it, that password works and is never printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile(
            "created the administrator 'admin' with the one-time password\\s+(\\S+)\\s");
    private static final String OWN_PASSWORD = "blue-river-stone-42";

    private final Map<String, Object> store = StandaloneServer.freshStore();

    @AfterEach
    void removeStore() {
        StandaloneServer.remove(store);
    }

    @Test
    void withoutAConfiguredPasswordTheAdminGetsAOneTimePasswordPrintedOnce(CapturedOutput output) {
        String oneTime;
        try (ConfigurableApplicationContext first = StandaloneServer.start(store)) {
            Matcher printed = ONE_TIME_PASSWORD.matcher(output.getOut());
            assertThat(printed.find()).as("the one-time password in the log").isTrue();
            oneTime = printed.group(1);
            assertThat(output.getOut().split("one-time password\\s+" + Pattern.quote(oneTime), -1)).hasSize(2);

            ApiClient api = new ApiClient(StandaloneServer.port(first));
            assertThat(api.signIn("admin", "wrong-password-1").status()).isEqualTo(401);
            assertThat(api.anonymous().get("/api/stories").status()).isEqualTo(401);
            ApiClient.Caller oneTimeSession = api.session("admin", oneTime);
            JsonNode me = ok(oneTimeSession.get("/api/me")).body();
            assertThat(me.path("passwordChangeRequired").asBoolean()).isTrue();
            assertThat(oneTimeSession.get("/api/admin/users").status()).isEqualTo(403);
            assertThat(oneTimeSession.post("/api/me/password",
                    Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD)).status()).isEqualTo(204);

            JsonNode accounts = ok(api.session("admin", OWN_PASSWORD).get("/api/admin/users")).body();
            assertThat(accounts.findValuesAsText("username")).containsExactly("admin");
            assertThat(accounts.get(0).path("roles").toString()).isEqualTo("[\"ADMIN\"]");
            assertThat(accounts.get(0).path("registeredBy").asText()).isEqualTo("system:first-start");
            assertThat(api.signIn("carla", "newsroom-demo").status()).isEqualTo(401);
        }
        int printedBefore = output.getOut().length();

        Map<String, Object> withAPasswordNow = new LinkedHashMap<>(store);
        withAPasswordNow.put("newsroom.admin.password", "green-valley-cloud-77");
        try (ConfigurableApplicationContext second = StandaloneServer.start(withAPasswordNow)) {
            String secondStart = output.getOut().substring(printedBefore);
            assertThat(secondStart).doesNotContain("First start", "one-time password");

            ApiClient api = new ApiClient(StandaloneServer.port(second));
            JsonNode accounts = ok(api.session("admin", OWN_PASSWORD).get("/api/admin/users")).body();
            assertThat(accounts.findValuesAsText("username")).containsExactly("admin");
            assertThat(api.signIn("admin", "green-valley-cloud-77").status()).isEqualTo(401);
            assertThat(api.signIn("admin", oneTime).status()).isEqualTo(401);
        }
    }

    @Test
    void aConfiguredPasswordIsTheAdminsAndIsNeverPrinted(CapturedOutput output) {
        Map<String, Object> configured = new LinkedHashMap<>(store);
        configured.put("newsroom.admin.password", "green-valley-cloud-77");

        try (ConfigurableApplicationContext context = StandaloneServer.start(configured)) {
            ApiClient api = new ApiClient(StandaloneServer.port(context));
            JsonNode me = ok(api.session("admin", "green-valley-cloud-77").get("/api/me")).body();
            assertThat(me.path("passwordChangeRequired").asBoolean()).isFalse();
            assertThat(me.path("actions").toString()).contains("MANAGE_USERS");
            assertThat(ok(api.session("admin", "green-valley-cloud-77").get("/api/admin/users")).body()
                    .findValuesAsText("username")).containsExactly("admin");
        }
        assertThat(output.getOut()).contains("created the administrator 'admin' with the password from NEWSROOM_ADMIN_PASSWORD")
                .doesNotContain("green-valley-cloud-77", "one-time password");
    }

    @Test
    void aWeakConfiguredPasswordStopsTheFirstStartNamingTheRule(CapturedOutput output) {
        Map<String, Object> weak = new LinkedHashMap<>(store);
        weak.put("newsroom.admin.password", "admin");

        assertThatThrownBy(() -> StandaloneServer.start(weak).close())
                .hasStackTraceContaining("NEWSROOM_ADMIN_PASSWORD").hasStackTraceContaining("PasswordTooShort");
        assertThat(output.getOut()).doesNotContain("one-time password");
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
