package newsroom.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Talks to a running Newsroom over real HTTP: JSON bodies, HTTP Basic for a named user, and answers with their
 * status, headers and parsed body. {@code api.as("eddie").header("If-Match", "\"3\"").post(path, body)}.
 */
public final class ApiClient {

    /** Every demo user's password. */
    public static final String DEMO_PASSWORD = "newsroom-demo";
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    public ApiClient(int port) {
        this("http://localhost:" + port);
    }

    /** A client for a server at {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Requests signed in as the demo user. */
    public Caller as(String username) {
        return as(username, DEMO_PASSWORD);
    }

    public Caller as(String username, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Caller(Map.of("Authorization", "Basic " + credentials));
    }

    /** Requests without credentials. */
    public Caller anonymous() {
        return new Caller(Map.of());
    }

    /** Requests with fixed credentials and headers. Immutable: {@link #header} returns a new caller. */
    public final class Caller {

        private final Map<String, String> headers;

        private Caller(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
        }

        public Caller header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Caller(more);
        }

        public Response get(String path) {
            return send("GET", path, null);
        }

        /** A POST without a body. */
        public Response post(String path) {
            return send("POST", path, null);
        }

        /** A POST with a JSON body: a String is sent as it is, anything else is written as JSON. */
        public Response post(String path, Object body) {
            return send("POST", path, body);
        }

        public Response put(String path, Object body) {
            return send("PUT", path, body);
        }

        public Response delete(String path) {
            return send("DELETE", path, null);
        }

        /** Any method with a body of any media type (the caller's Content-Type header, if set, wins). */
        public Response send(String method, String path, String contentType, String body) {
            return header("Content-Type", contentType).send(method, path, body);
        }

        private Response send(String method, String path, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Accept", "application/json, application/problem+json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(asJson(body), StandardCharsets.UTF_8));
            }
            // a caller's own Accept or Content-Type replaces the default rather than adding a second one
            headers.forEach(request::setHeader);
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body(),
                        parse(response.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + method + " " + path, e);
            }
        }
    }

    /** One HTTP answer; {@code body} is the parsed JSON, a missing node when there is none. */
    public record Response(int status, HttpHeaders headers, String rawBody, JsonNode body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + rawBody;
        }
    }

    private static String asJson(Object body) {
        if (body instanceof String raw) {
            return raw;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
