package newsroom.api.security;

import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Caller;
import newsroom.api.ApiClient.Response;
import newsroom.api.StandaloneServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on against a real OpenID Connect provider on loopback (mock-oauth2-server), on a server with the
 * default sign-in settings: no HTTP Basic. Also: sessions survive a restart (they live in the store), the per-address
 * throttle, and no password in a STOMP CONNECT.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    private static final String CLIENT_ID = "newsroom-test";
    private static MockOAuth2Server provider;
    private static Map<String, Object> store;
    private static ConfigurableApplicationContext server;
    private static int port;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        store = StandaloneServer.freshStore();
        store.put("newsroom.security.oidc.issuer-uri", provider.issuerUrl("corp").toString());
        store.put("newsroom.security.oidc.client-id", CLIENT_ID);
        store.put("newsroom.security.oidc.client-secret", "test-secret");
        store.put("newsroom.security.oidc.name", "Corp account");
        store.put("newsroom.security.oidc.role-mapping.newsroom-editors", "EDITOR");
        store.put("newsroom.security.oidc.group-mapping.newsroom-editors", "newsdesk");
        store.put("newsroom.security.sign-in-throttle.per-address.attempts", "20");
        store.put("newsroom.security.sign-in-throttle.per-address.per", "PT15M");
        store.put("newsroom.admin.password", "the first admin's long passphrase");
        startServer();
    }

    private static void startServer() {
        server = StandaloneServer.start(store);
        port = StandaloneServer.port(server);
        api = new ApiClient(port);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        provider.shutdown();
        StandaloneServer.remove(store);
    }

    /** A browser: follows redirects and keeps cookies. Signs in at the provider as the person with these claims. */
    private HttpClient browserSignedInAtProvider(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts single sign-on where the options say, following the provider's redirects back; answers where it ended. */
    private URI singleSignOn(HttpClient browser) throws Exception {
        JsonNode options = api.anonymous().get("/api/session/options").body();
        assertThat(options.path("sso").path("name").asText()).isEqualTo("Corp account");
        String loginUrl = options.path("sso").path("loginUrl").asText();
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(URI.create(base() + loginUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        return landed.uri();
    }

    private Caller sessionOf(HttpClient browser) {
        HttpCookie session = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(cookie -> cookie.getName().equals(ApiClient.SESSION_COOKIE)).findFirst().orElseThrow();
        return api.anonymous().header("Cookie", ApiClient.SESSION_COOKIE + "=" + session.getValue());
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    @Test
    @Order(1)
    void aNewPersonIsRegisteredWithTheRolesAndGroupsTheirProviderGroupsMapTo() throws Exception {
        HttpClient browser = browserSignedInAtProvider("sub-1", Map.of("preferred_username", "sso.sam",
                "name", "Sam Single", "groups", List.of("newsroom-editors", "canteen")));

        URI landed = singleSignOn(browser);

        assertThat(landed.getPath()).isEqualTo("/");
        assertThat(landed.getQuery()).isNull();
        JsonNode me = ok(sessionOf(browser).get("/api/me")).body();
        assertThat(me.path("username").asText()).isEqualTo("sso.sam");
        assertThat(me.path("displayName").asText()).isEqualTo("Sam Single");
        assertThat(me.path("roles").toString()).isEqualTo("[\"EDITOR\"]");
        assertThat(me.path("groups").toString()).isEqualTo("[\"newsdesk\"]");
        Caller admin = api.session("admin", "the first admin's long passphrase");
        assertThat(ok(admin.get("/api/admin/users/sso.sam/history")).body().toString()).contains("system:single-sign-on");
        // no password was set for them: a password sign-in never succeeds
        assertThat(api.signIn("sso.sam", "").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aKnownPersonSignsInAsTheirAccountAndAPersonWithoutAMappedRoleIsRefused() throws Exception {
        HttpClient again = browserSignedInAtProvider("sub-1", Map.of("preferred_username", "sso.sam",
                "groups", List.of()));
        assertThat(singleSignOn(again).getPath()).isEqualTo("/");
        assertThat(ok(sessionOf(again).get("/api/me")).body().path("roles").toString()).contains("EDITOR");

        HttpClient stranger = browserSignedInAtProvider("sub-2", Map.of("preferred_username", "canteen.carl",
                "groups", List.of("canteen")));
        URI landed = singleSignOn(stranger);

        assertThat(landed.getQuery()).isEqualTo("signIn=refused");
        Caller admin = api.session("admin", "the first admin's long passphrase");
        assertThat(admin.get("/api/admin/users/canteen.carl").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void withoutTheDemoProfileHttpBasicIsOffAndConnectCarriesNoPassword() {
        Response basic = api.as("admin", "the first admin's long passphrase").get("/api/me");

        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.header("WWW-Authenticate")).isNull();
        assertThat(assertProblem(basic, 401).path("type").asText()).isEqualTo("/problems/authentication-required");
        Response handshake = api.anonymous().get("/ws");
        assertThat(handshake.status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void failuresFromOneAddressAreThrottledWhateverTheUsername() {
        Response last = null;
        for (int attempt = 0; attempt < 21 && (last == null || last.status() != 429); attempt++) {
            last = api.signIn("made-up-" + attempt, "guess " + attempt);
        }

        assertThat(last.status()).as("%s", last).isEqualTo(429);
        assertThat(assertProblem(last, 429).path("type").asText()).isEqualTo("/problems/too-many-sign-in-attempts");
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    @Test
    @Order(5)
    void aSessionSurvivesARestartOfTheServer() throws Exception {
        HttpClient browser = browserSignedInAtProvider("sub-1", Map.of("preferred_username", "sso.sam"));
        singleSignOn(browser);
        Caller session = sessionOf(browser);
        ok(session.get("/api/me"));

        server.close();
        startServer();

        assertThat(new ApiClient(port).anonymous().header("Cookie", session.headers().get("Cookie"))
                .get("/api/me").status()).isEqualTo(200);
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
