package newsroom.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.people.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in ({@code newsroom.security.*}); every default is in the README's configuration table.
 *
 * @param sessionIdleTimeout a browser session ends after this long without a request (Spring Session's
 *                           {@code spring.session.timeout} is set from it)
 * @param secureCookies      the session and CSRF cookies are sent over HTTPS only (set it when served over HTTPS)
 * @param httpBasic          HTTP Basic on every request: off unless enabled (the {@code demo} profile does)
 * @param oidc               single sign-on through the organisation's OpenID Connect provider; off unless configured
 * @param signInThrottle     how fast failed password sign-ins may be repeated, per username and per address
 * @param signInRecord       how long failed sign-ins are kept, and at most how many
 */
@ConfigurationProperties(prefix = "newsroom.security")
public record SecurityProperties(Duration sessionIdleTimeout, boolean secureCookies, HttpBasic httpBasic, Oidc oidc,
                                 SignInThrottle signInThrottle, SignInRecord signInRecord) {

    public SecurityProperties {
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        httpBasic = httpBasic == null ? new HttpBasic(false) : httpBasic;
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null, null, null) : oidc;
        signInThrottle = signInThrottle == null ? new SignInThrottle(null, null, null) : signInThrottle;
        signInRecord = signInRecord == null ? new SignInRecord(null, null) : signInRecord;
    }

    public record HttpBasic(boolean enabled) {
    }

    /**
     * @param issuerUri     the provider's issuer; its {@code /.well-known/openid-configuration} is read at start
     * @param name          what the sign-in button says, e.g. "Contoso account"
     * @param usernameClaim the claim that is the Newsroom username (a valid username, see {@code UsernameFormat})
     * @param groupsClaim   the claim listing the person's groups at the provider (a list of texts)
     * @param roleMapping   a value of the groups claim → the Newsroom roles it gives
     * @param groupMapping  a value of the groups claim → the Newsroom groups it gives
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, String name, List<String> scopes,
                       String usernameClaim, String groupsClaim, Map<String, Set<Role>> roleMapping,
                       Map<String, Set<String>> groupMapping) {

        public Oidc {
            name = blank(name) ? "Single sign-on" : name;
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
            usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
            groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim;
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
            groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
        }

        /** Single sign-on is on when an issuer and a client id are configured. */
        public boolean enabled() {
            return !blank(issuerUri) && !blank(clientId);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * @param perUser    failed sign-ins one username may have in a burst, and the time in which they are restored
     * @param perAddress the same for one client address (more, since an office shares one)
     * @param tracked    at most this many usernames and addresses are tracked at once (each), so memory is bounded
     */
    public record SignInThrottle(Limit perUser, Limit perAddress, Integer tracked) {

        public SignInThrottle {
            perUser = perUser == null ? new Limit(10, Duration.ofMinutes(15)) : perUser;
            perAddress = perAddress == null ? new Limit(100, Duration.ofMinutes(15)) : perAddress;
            tracked = tracked == null ? 100_000 : tracked;
        }
    }

    /** {@code attempts} failures at once, restored evenly over {@code per}. */
    public record Limit(int attempts, Duration per) {
    }

    /**
     * @param failureRetention failed sign-ins are kept this long (successes and sign-outs are events, kept for good)
     * @param maxFailures      and at most this many, the oldest dropped first, so nobody can fill the store with them
     */
    public record SignInRecord(Duration failureRetention, Integer maxFailures) {

        public SignInRecord {
            failureRetention = failureRetention == null ? Duration.ofDays(30) : failureRetention;
            maxFailures = maxFailures == null ? 100_000 : maxFailures;
        }
    }
}
