package newsroom.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import newsroom.api.people.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session the moment its account changed: disabled, roles, groups or password changed or reset
 * (each moves the account's version, see {@code UserDirectory}). Checked on every request against the users read
 * model, which every server instance reads, so it holds across instances and restarts; the request then answers
 * 401 like any other without a sign-in.
 */
class SessionStillValid extends OncePerRequestFilter {

    private final UserDirectory directory;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionStillValid(UserDirectory directory) {
        this.directory = directory;
    }

    static boolean stillValid(SessionUser user, UserDirectory directory) {
        return directory.findRequester(user.username())
                .filter(account -> account.enabled() && account.version() == user.accountVersion()).isPresent();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = holder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof SessionUser user && !stillValid(user, directory)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            holder.setContext(holder.createEmptyContext());
        }
        chain.doFilter(request, response);
    }
}
