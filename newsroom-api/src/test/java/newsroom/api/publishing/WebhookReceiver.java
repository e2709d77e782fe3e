package newsroom.api.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A channel's system for tests and the benchmark: a real HTTP server on loopback that verifies each delivery's
 * signature itself (as a receiver would, with its own HMAC code and the shared secret), refuses stale timestamps,
 * and answers with whatever status the test tells it to — or not at all, to play a hanging receiver.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String webhookId, long timestamp, String signature, String body, boolean signatureValid,
                           int answered, Instant at) {
    }

    /** Answer with no status: hold the request until the receiver closes (a hanging receiver). */
    public static final int HANG = -1;

    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile IntSupplier answer = () -> 200;
    private HttpServer server;
    private int port;

    public WebhookReceiver(String secret) {
        this.secret = secret;
    }

    /** Starts on a free loopback port (or the port it had, after {@link #stop()}). */
    public WebhookReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening: connections are refused until {@link #start()} again. */
    public void stop() {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/newsroom";
    }

    /** The status the next requests get; called per request, so it can change with the call count. */
    public void answer(IntSupplier status) {
        this.answer = status;
    }

    public int calls() {
        return calls.get();
    }

    public List<Received> received() {
        return received;
    }

    /** The requests answered 2xx: what the channel's system accepted. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestampHeader = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        long timestamp = timestampHeader == null ? 0 : Long.parseLong(timestampHeader);
        boolean valid = verify(id, timestamp, body, signature);
        int status = valid ? answer.getAsInt() : 401;
        if (status == HANG) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        received.add(new Received(id, timestamp, signature, body, valid, status, Instant.now()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** What a receiver does: recompute the signature, compare in constant time, refuse a replayed old timestamp. */
    private boolean verify(String id, long timestamp, String body, String signature) {
        if (id == null || signature == null || Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : signature.split(" ")) {
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        closing.countDown();
        if (server != null) {
            server.stop(0);
        }
    }
}
