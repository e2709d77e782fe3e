package newsroom.api.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import newsroom.api.people.ApiTokens;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.api.security.signin.SignInRecords;
import newsroom.people.SignInMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code Authorization: Bearer <personal API token>} through Spring Security's resource-server filter: the token
 * signs its owner in while it is neither revoked nor expired and the owner's account is enabled, checked on every
 * request (so revoking or disabling takes effect with the next one). Its first use each day is a sign-in record.
 */
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    /** The attribute naming the token, so a live connection opened with it can be ended when it is revoked. */
    static final String TOKEN_ID = "token_id";

    private final ApiTokens tokens;
    private final UserDirectory directory;
    private final SignInRecords records;

    ApiTokenIntrospector(ApiTokens tokens, UserDirectory directory, SignInRecords records) {
        this.tokens = tokens;
        this.directory = directory;
        this.records = records;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        ApiTokens.TokenUse use = tokens.use(token)
                .orElseThrow(() -> new BadOpaqueTokenException("The API token is unknown, expired or revoked."));
        NewsroomUser owner = directory.find(use.owner()).filter(NewsroomUser::enabled)
                .orElseThrow(() -> new BadOpaqueTokenException("The API token's owner cannot sign in."));
        if (use.firstUseToday()) {
            records.signedIn(owner.username(), SignInMethod.API_TOKEN, clientAddress());
        }
        return new OAuth2IntrospectionAuthenticatedPrincipal(owner.username(),
                Map.of(TOKEN_ID, use.tokenId(), "sub", owner.username()), BrowserSessions.authorities(owner));
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    /** The token a request or connection was signed in with, if it was one. */
    static String tokenIdOf(Object principal) {
        return principal instanceof OAuth2AuthenticatedPrincipal token ? token.getAttribute(TOKEN_ID) : null;
    }

    static boolean isBearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
