package newsroom.api.push;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import newsroom.api.people.AccessMayHaveChanged;
import newsroom.api.security.SignInChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * The open WebSocket connections of this server, so that a person who is cut off — account disabled, roles
 * changed, API token revoked, signed out — loses their live connections at once and gets nothing more. Checked
 * right after every change to the users or API tokens read model on this server, and every few seconds for changes
 * made through another instance (and sessions that expired).
 */
@Component
class LiveConnections implements WebSocketHandlerDecoratorFactory {

    private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);
    /** The policy-violation close code (1008): the server ended the connection because the sign-in ended. */
    static final CloseStatus SIGNED_OUT = CloseStatus.POLICY_VIOLATION.withReason("signed out");

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    private final SignInChecks checks;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-connection-check");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean checkPending = new AtomicBoolean();

    LiveConnections(SignInChecks checks) {
        this.checks = checks;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                open.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                open.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /** Checks soon, off the caller's thread (a projection's); several requests in a row make one check. */
    @EventListener
    void accessMayHaveChanged(AccessMayHaveChanged change) {
        if (checkPending.compareAndSet(false, true)) {
            checker.execute(() -> {
                checkPending.set(false);
                closeThoseSignedOut();
            });
        }
    }

    @Scheduled(fixedDelayString = "${newsroom.push.sign-in-check-interval:PT5S}")
    void closeThoseSignedOut() {
        for (WebSocketSession session : open.values()) {
            try {
                Object httpSession = session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
                if (session.isOpen() && !checks.stillSignedIn(signedIn(session), (String) httpSession)) {
                    session.close(SIGNED_OUT);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not check or close live connection {}: {}", session.getId(), e.toString());
            }
        }
    }

    /** Who the connection belongs to: the handshake's sign-in, or the one its CONNECT frame made (demo profile). */
    private static Principal signedIn(WebSocketSession session) {
        Principal handshake = session.getPrincipal();
        return handshake != null ? handshake
                : (Principal) session.getAttributes().get(StompAuthentication.CONNECT_SIGN_IN);
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
