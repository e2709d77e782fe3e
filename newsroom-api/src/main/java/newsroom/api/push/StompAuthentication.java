package newsroom.api.push;

import java.util.Map;
import java.util.Set;

import newsroom.api.security.NewsroomRoles;
import newsroom.api.security.SecurityProperties;
import newsroom.api.story.Approvers;
import newsroom.people.Role;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * STOMP sessions are signed in by their WebSocket handshake (the browser session's cookie or a Bearer token, checked
 * by the HTTP security like any request); the CONNECT frame carries no password. Only where HTTP Basic is enabled
 * (the demo profile) may a CONNECT still sign in with the headers {@code login} and {@code passcode}, for clients
 * that cannot hold a session. Checks every SUBSCRIBE against {@link Topics#maySubscribe} and lets clients SEND only
 * to the application ({@code /app/...}), never straight to a topic. A refused frame ends the session with
 * an ERROR frame; nothing is delivered to it.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    /**
     * The WebSocket session attribute holding a sign-in made by CONNECT's {@code login}/{@code passcode}: such a
     * connection has no handshake principal, and {@link LiveConnections} must judge the person who signed in.
     */
    static final String CONNECT_SIGN_IN = "newsroom.connectSignIn";

    private final AuthenticationManager basicSignIn;
    private final boolean passcodeAllowed;
    private final Approvers approvers;

    StompAuthentication(AuthenticationManager basicSignIn, SecurityProperties properties, Approvers approvers) {
        this.basicSignIn = basicSignIn;
        this.passcodeAllowed = properties.httpBasic().enabled();
        this.approvers = approvers;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            if (!(stomp.getUser() instanceof Authentication handshake) || !handshake.isAuthenticated()) {
                Authentication signedIn = signIn(stomp.getLogin(), stomp.getPasscode());
                stomp.setUser(signedIn);
                Map<String, Object> connection = stomp.getSessionAttributes();
                if (connection != null) {
                    connection.put(CONNECT_SIGN_IN, signedIn);
                }
            }
            return message;
        }
        if (command == StompCommand.DISCONNECT) {
            return message;
        }
        if (!(stomp.getUser() instanceof Authentication user) || !user.isAuthenticated()) {
            throw new MessageDeliveryException("Sign in first: open the WebSocket with a session cookie or a Bearer token");
        }
        if (command == StompCommand.SEND && !Topics.maySend(stomp.getDestination())) {
            // only the server publishes to topics; clients talk to the application
            throw new MessageDeliveryException(user.getName() + " may not send to " + stomp.getDestination());
        }
        if (command == StompCommand.SUBSCRIBE) {
            Set<Role> roles = NewsroomRoles.rolesOf(user);
            if (!Topics.maySubscribe(stomp.getDestination(), roles, () -> approvers.mayApprove(user.getName()))) {
                throw new MessageDeliveryException(user.getName() + " may not subscribe to " + stomp.getDestination());
            }
        }
        return message;
    }

    private Authentication signIn(String login, String passcode) {
        if (!passcodeAllowed || login == null || passcode == null) {
            throw new MessageDeliveryException("Sign in first: open the WebSocket with a session cookie or a Bearer token");
        }
        try {
            return basicSignIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, passcode));
        } catch (AuthenticationException e) {
            throw new MessageDeliveryException("Sign-in failed for " + login);
        }
    }
}
