package newsroom.api.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The WebSocket endpoint's refusals as problem+json: Spring's handshake answers a plain GET, a wrong method, an
 * unsupported WebSocket version or a foreign origin with text or an empty body of its own.
 */
@Component
public class WebSocketHandshakeProblems {

    /** Marks a request whose refusal already has its problem. */
    private static final String WRITTEN = WebSocketHandshakeProblems.class.getName() + ".written";

    private final ProblemWriter problems;

    WebSocketHandshakeProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    /** For {@code setHandshakeHandler}: refusals of the handshake itself. */
    public DefaultHandshakeHandler handshakeHandler() {
        return new DefaultHandshakeHandler() {
            @Override
            protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response) {
                write(request, response, Problems.invalid("Upgrade", InputRule.MALFORMED_REQUEST,
                        "this is the WebSocket endpoint: connect with a STOMP client over WebSocket "
                                + "('Upgrade: websocket')"));
            }

            @Override
            protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response) {
                write(request, response, Problems.invalid("Connection", InputRule.MALFORMED_REQUEST,
                        "a WebSocket handshake needs 'Connection: Upgrade'"));
            }

            @Override
            protected void handleWebSocketVersionNotSupported(ServerHttpRequest request, ServerHttpResponse response) {
                response.getHeaders().set("Sec-WebSocket-Version", String.join(", ", getSupportedVersions()));
                write(request, response, Problems.of(ProblemType.HTTP_ERROR, HttpStatus.UPGRADE_REQUIRED.value(),
                        "This WebSocket version is not supported; use version "
                                + String.join(", ", getSupportedVersions()) + "."));
            }
        };
    }

    /**
     * For {@code addInterceptors}, before any other: a refusal that left the body empty (a foreign origin, a
     * method other than GET) gets its problem once the handshake is over.
     */
    public HandshakeInterceptor refusals() {
        return new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler handler, Map<String, Object> attributes) {
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Exception exception) {
                if (!(request instanceof ServletServerHttpRequest servletRequest)
                        || !(response instanceof ServletServerHttpResponse servletResponse)
                        || servletRequest.getServletRequest().getAttribute(WRITTEN) != null) {
                    return;
                }
                int status = servletResponse.getServletResponse().getStatus();
                if (status == HttpStatus.FORBIDDEN.value()) {
                    write(request, response, Problems.of(ProblemType.FORBIDDEN, "This origin may not open the "
                            + "WebSocket; only the server's own origin and those its operators allow may."));
                } else if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
                    write(request, response, Problems.of(ProblemType.METHOD_NOT_ALLOWED, request.getMethod()
                            + " is not allowed for the WebSocket endpoint; open it with GET and 'Upgrade: websocket'."));
                } else if (status >= 400) {
                    write(request, response, Problems.of(ProblemType.forStatus(status), status,
                            "The WebSocket handshake was refused (HTTP " + status + ")."));
                }
            }
        };
    }

    private void write(ServerHttpRequest request, ServerHttpResponse response, ProblemDetail problem) {
        if (!(request instanceof ServletServerHttpRequest servletRequest)
                || !(response instanceof ServletServerHttpResponse servletResponse)) {
            response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
            return;
        }
        servletRequest.getServletRequest().setAttribute(WRITTEN, Boolean.TRUE);
        HttpServletResponse raw = servletResponse.getServletResponse();
        // headers set on the Spring response (Allow, Sec-WebSocket-Version) go out with the problem
        response.getHeaders().forEach((name, values) -> values.forEach(value -> raw.addHeader(name, value)));
        response.getHeaders().clear();
        try {
            problems.write(servletRequest.getServletRequest(), raw, problem);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
