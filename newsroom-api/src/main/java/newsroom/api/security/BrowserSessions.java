package newsroom.api.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.people.SignInMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Starts and ends browser sessions. The session itself lives in MongoDB (Spring Session), so it survives a restart
 * and every server instance sees it; the browser holds only its id, in an HttpOnly cookie. Starting one ends the
 * session the browser held and starts a new one (no session fixation), with a new CSRF token.
 */
class BrowserSessions {

    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    BrowserSessions(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens) {
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
    }

    /**
     * Signs the account in for this browser, remembering the account version it was signed in at. A session the
     * browser held ends: it may be someone else's (the last person at a shared computer) or planted by another site,
     * and changing only its id left the old id signed in as before.
     */
    Authentication start(NewsroomUser account, SignInMethod method, HttpServletRequest request,
                         HttpServletResponse response) {
        HttpSession held = request.getSession(false);
        if (held != null) {
            held.invalidate();
        }
        Authentication signedIn = remember(account, method, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return signedIn;
    }

    private Authentication remember(NewsroomUser account, SignInMethod method, HttpServletRequest request,
                                    HttpServletResponse response) {
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(
                new SessionUser(account.username(), account.version(), method), null, authorities(account));
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        return signedIn;
    }

    /**
     * After the person changed their own account (their password) from this browser session: the session goes on at
     * the account's new version, while their other sessions end.
     */
    void continueAfterOwnChange(UserDirectory directory, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = holder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof SessionUser user) {
            directory.find(user.username()).filter(NewsroomUser::enabled)
                    .ifPresent(account -> remember(account, user.method(), request, response));
        }
    }

    /** Ends this browser's session, if it has one. */
    void end(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
        csrfTokens.saveToken(null, request, response);
    }

    /** Roles as authorities for STOMP subscriptions; none while a one-time password must be replaced. */
    static List<GrantedAuthority> authorities(NewsroomUser account) {
        return account.passwordChangeRequired() ? List.of() : account.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(NewsroomRoles.authority(role))).toList();
    }
}
