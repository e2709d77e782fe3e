package newsroom.api.security;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserCommands;
import newsroom.api.people.UserDirectory;
import newsroom.api.security.signin.SignInRecords;
import newsroom.people.Actor;
import newsroom.people.Role;
import newsroom.people.SignInMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on through the organisation's OpenID Connect provider (Spring Security's OAuth2 login), on when
 * {@code newsroom.security.oidc.issuer-uri} and {@code client-id} are set. After the provider's sign-in the person
 * is matched to a Newsroom account by the username claim ({@code preferred_username} unless configured):
 * <ul>
 * <li>an enabled account of that name: signed in, with the roles and groups Newsroom has for them (admins manage
 * them in Newsroom from then on);</li>
 * <li>no account: one is registered (without a password) with the roles and groups the provider's groups claim maps
 * to; if it maps to no role, the sign-in is refused;</li>
 * <li>a disabled account, or a name that is no valid username: refused.</li>
 * </ul>
 * Either way a browser session starts like a password sign-in, and the sign-in is recorded. The provider's own
 * tokens are not kept: Newsroom never calls the provider afterwards.
 */
class OidcSignIn {

    static final String REGISTRATION_ID = "oidc";
    /** Where a browser starts single sign-on. */
    static final String LOGIN_URL = "/oauth2/authorization/" + REGISTRATION_ID;
    /** Where the dashboard is sent back to after a refused single sign-on. */
    static final String REFUSED_URL = "/?signIn=refused";
    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final SecurityProperties.Oidc settings;
    private final UserDirectory directory;
    private final UserCommands users;
    private final BrowserSessions sessions;
    private final SignInRecords records;

    OidcSignIn(SecurityProperties.Oidc settings, UserDirectory directory, UserCommands users,
               BrowserSessions sessions, SignInRecords records) {
        this.settings = settings;
        this.directory = directory;
        this.users = users;
        this.sessions = sessions;
        this.records = records;
    }

    void configure(HttpSecurity http) throws Exception {
        // reads the provider's /.well-known/openid-configuration once, at start
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientName(settings.name())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        http.oauth2Login(login -> login
                .clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration))
                .authorizedClientRepository(new NothingKept())
                .successHandler(this::signedIn)
                .failureHandler(this::failed));
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication provider)
            throws IOException {
        String address = request.getRemoteAddr();
        OidcUser person = (OidcUser) provider.getPrincipal();
        String username = person.getClaimAsString(settings.usernameClaim());
        Optional<NewsroomUser> account = match(username, person);
        if (account.isEmpty()) {
            sessions.end(request, response);
            records.failed(username, address, "SINGLE_SIGN_ON_REFUSED");
            response.sendRedirect(REFUSED_URL);
            return;
        }
        sessions.start(account.get(), SignInMethod.SINGLE_SIGN_ON, request, response);
        records.signedIn(account.get().username(), SignInMethod.SINGLE_SIGN_ON, address);
        response.sendRedirect("/");
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        log.info("Single sign-on failed: {}", e.getMessage());
        records.failed(null, request.getRemoteAddr(), "SINGLE_SIGN_ON_REFUSED");
        response.sendRedirect(REFUSED_URL);
    }

    /** The enabled account the provider's person is, registered on their first sign-in; empty if refused. */
    private Optional<NewsroomUser> match(String username, OidcUser person) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        Optional<NewsroomUser> known = directory.find(username);
        if (known.isPresent()) {
            return known.filter(NewsroomUser::enabled);
        }
        List<String> providerGroups = Optional.ofNullable(person.getClaimAsStringList(settings.groupsClaim()))
                .orElse(List.of());
        Set<Role> roles = mapped(providerGroups, settings.roleMapping());
        if (roles.isEmpty()) {
            log.info("Single sign-on of {} refused: none of their groups gives a Newsroom role", username);
            return Optional.empty();
        }
        Set<String> groups = mapped(providerGroups, settings.groupMapping());
        String displayName = Optional.ofNullable(person.getFullName()).orElse(username);
        try {
            return Optional.of(users.registerWithoutPassword(Actor.system("single-sign-on"), username, displayName,
                    roles, groups));
        } catch (RuntimeException refused) {
            log.info("Single sign-on of {} refused: {}", username, refused.getMessage());
            return Optional.empty();
        }
    }

    private static <T> Set<T> mapped(List<String> providerGroups,
                                     java.util.Map<String, ? extends Collection<T>> mapping) {
        Set<T> values = new LinkedHashSet<>();
        providerGroups.forEach(group -> {
            Collection<T> given = mapping.get(group);
            if (given != null) {
                values.addAll(given);
            }
        });
        return values;
    }

    /** The provider's access and refresh tokens are not needed after the sign-in, so none are stored. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
                                                                          Authentication principal,
                                                                          HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
