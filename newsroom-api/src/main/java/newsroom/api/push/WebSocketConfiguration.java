package newsroom.api.push;

import java.util.List;

import newsroom.api.web.WebSocketHandshakeProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * STOMP over a plain WebSocket at {@code /ws} with an in-memory broker. Heartbeats every 10 s let both
 * sides notice a dead connection (and presence clear) quickly.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";

    private final StompAuthentication authentication;
    private final List<String> allowedOrigins;
    private final WebSocketHandshakeProblems handshakeProblems;
    private final LiveConnections connections;

    WebSocketConfiguration(StompAuthentication authentication,
                           @Value("${newsroom.web.allowed-origins:}") List<String> allowedOrigins,
                           WebSocketHandshakeProblems handshakeProblems, LiveConnections connections) {
        this.authentication = authentication;
        this.connections = connections;
        this.allowedOrigins = allowedOrigins;
        this.handshakeProblems = handshakeProblems;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // a refused handshake is answered as problem+json like every other error
        // the handshake is signed in (session cookie or Bearer token) by the HTTP security; the connection remembers
        // its browser session's id, so signing out ends it too (LiveConnections)
        HttpSessionHandshakeInterceptor sessionId = new HttpSessionHandshakeInterceptor();
        sessionId.setCopyAllAttributes(false);
        sessionId.setCreateSession(false);
        var endpoint = registry.addEndpoint(ENDPOINT).setHandshakeHandler(handshakeProblems.handshakeHandler())
                .addInterceptors(handshakeProblems.refusals(), sessionId);
        if (!allowedOrigins.isEmpty()) {
            endpoint.setAllowedOriginPatterns(allowedOrigins.toArray(String[]::new));
        }
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("stomp-heartbeat-");
        heartbeats.initialize();
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeats);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // messages to one session leave in the order they were published (presence lists, live updates)
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(connections);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication);
    }
}
