package newsroom.api.push;

import java.lang.reflect.Type;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A real STOMP client over WebSocket for the tests: connects as a user and collects what arrives. */
public final class StompTestClient implements AutoCloseable {

    private final WebSocketStompClient client;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final StompSession session;
    /** ERROR frames and transport failures the server sent this client. */
    final List<String> errors = new CopyOnWriteArrayList<>();

    private StompTestClient(int port, String user, String password) throws Exception {
        this(port, Map.of(), user, password);
    }

    /** Signs in with the handshake's headers (a session cookie, a Bearer token); a CONNECT without a password. */
    private StompTestClient(int port, Map<String, String> handshake, String user, String password)
            throws Exception {
        scheduler.initialize();
        client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new MappingJackson2MessageConverter());
        client.setTaskScheduler(scheduler);
        StompHeaders connect = new StompHeaders();
        if (user != null) {
            connect.setLogin(user);
            connect.setPasscode(password);
        }
        WebSocketHttpHeaders handshakeHeaders = new WebSocketHttpHeaders();
        handshake.forEach(handshakeHeaders::add);
        CompletableFuture<StompSession> connected = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                handshakeHeaders, connect, new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        errors.add(String.valueOf(headers.getFirst("message")));
                    }

                    @Override
                    public Type getPayloadType(StompHeaders headers) {
                        return byte[].class;
                    }

                    @Override
                    public void handleException(StompSession s, StompCommand command, StompHeaders headers,
                                                byte[] payload, Throwable exception) {
                        errors.add(exception.toString());
                    }

                    @Override
                    public void handleTransportError(StompSession s, Throwable exception) {
                        errors.add(exception.toString());
                    }
                });
        session = connected.get(10, TimeUnit.SECONDS);
    }

    public static StompTestClient connect(int port, String user, String password) throws Exception {
        return new StompTestClient(port, user, password);
    }

    /** Opens the WebSocket with these HTTP headers (a session's cookies, a Bearer token); CONNECT carries nothing. */
    static StompTestClient connectWith(int port, Map<String, String> handshake) throws Exception {
        return new StompTestClient(port, handshake, null, null);
    }

    /** Whether the server refuses a connection opened with these handshake headers (handshake or CONNECT). */
    static boolean connectFails(int port, Map<String, String> handshake) {
        try (StompTestClient client = connectWith(port, handshake)) {
            return false;
        } catch (Exception refused) {
            return true;
        }
    }

    /** Subscribes and returns the list the received JSON payloads are added to. */
    public List<JsonNode> subscribe(String destination) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add((JsonNode) payload);
            }
        });
        return received;
    }

    void send(String destination, Object payload) {
        session.send(destination, payload);
    }

    boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
        scheduler.shutdown();
    }
}
