package newsroom.api.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import newsroom.api.people.ApiTokens;
import newsroom.api.people.UserCommands;
import newsroom.api.people.UserDirectory;
import newsroom.api.security.signin.SignInRecords;
import newsroom.api.security.signin.SignInThrottle;
import io.github.bucket4j.TimeMeter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may call the API, and how they prove it (README "People and sign-in"):
 * <ul>
 * <li>browsers: a server-side session (Spring Session in MongoDB) started by {@code POST /api/session} or single
 * sign-on, its id in an HttpOnly, SameSite=Lax cookie; CSRF protection by Spring Security's cookie-to-header pattern
 * (the readable {@code XSRF-TOKEN} cookie, sent back as {@code X-XSRF-TOKEN});</li>
 * <li>scripts: personal API tokens as {@code Authorization: Bearer} (Spring Security's resource-server filter);</li>
 * <li>HTTP Basic only where {@code newsroom.security.http-basic.enabled} (the demo profile).</li>
 * </ul>
 * Requests carrying their credentials in a header cannot be forged by another site, so CSRF does not apply to them,
 * nor to requests without a session (except signing in).
 * Every endpoint needs a signed-in user except the health probe, the dashboard's files, the sign-in options and
 * sign-in itself; role checks per action live next to the actions ({@link Permissions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            AuthenticationManager basicSignIn, SecurityProperties properties,
                            CookieCsrfTokenRepository csrfTokens, SecurityContextRepository sessionContexts,
                            ApiTokenIntrospector apiTokens, UserDirectory directory, UserCommands users,
                            BrowserSessions sessions, SignInRecords records) throws Exception {
        // password checks (HTTP Basic) go to basicSignIn; single sign-on adds its own providers next to it
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(basicSignIn);
        http.securityContext(context -> context.securityContextRepository(sessionContexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // the SPA sends the cookie's value as it is; nothing renders the token into a page
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(SecurityConfiguration::carriesCredentials,
                                SecurityConfiguration::withoutSession))
                // an unauthenticated request is answered 401, never remembered in a new session
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .logout(logout -> logout.disable()) // DELETE /api/session signs out
                // Bearer tokens get their own manager: the shared one above checks passwords only
                .oauth2ResourceServer(bearer -> bearer.opaqueToken(token -> token.authenticationManager(
                                new ProviderManager(new OpaqueTokenAuthenticationProvider(apiTokens))))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new SessionStillValid(directory), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            // the dashboard's files: its sign-in form is part of them; all data needs a user
                            .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg",
                                    "/favicon.ico").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/session/options").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/session").permitAll()
                            .requestMatchers(HttpMethod.DELETE, "/api/session").permitAll()
                            // calendar apps cannot sign in; the feed checks its personal token itself
                            .requestMatchers(HttpMethod.GET, "/calendar.ics").permitAll();
                    if (properties.httpBasic().enabled()) {
                        // a browser cannot send Basic credentials with the WebSocket handshake: its STOMP CONNECT
                        // signs in instead (push.StompAuthentication), demo only
                        requests.requestMatchers("/ws", "/ws/**").permitAll();
                    }
                    // everything else, the WebSocket handshake included, needs a session or a Bearer token
                    requests.anyRequest().authenticated();
                });
        if (properties.httpBasic().enabled()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        if (properties.oidc().enabled()) {
            new OidcSignIn(properties.oidc(), directory, users, sessions, records).configure(http);
        }
        return http.build();
    }

    /** A request with an {@code Authorization} header (Bearer, or Basic where enabled): no cookie is involved. */
    private static boolean carriesCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && (authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.regionMatches(true, 0, "Basic ", 0, 6));
    }

    /**
     * A request that names no session has no sign-in a forged request could ride on: it is answered 401 like any
     * request without a sign-in. Signing in itself is the exception (no sign-in forged into someone's browser).
     */
    private static boolean withoutSession(HttpServletRequest request) {
        return request.getRequestedSessionId() == null
                && !("POST".equals(request.getMethod()) && "/api/session".equals(request.getRequestURI()));
    }

    @Bean
    CookieCsrfTokenRepository csrfTokens(SecurityProperties properties) {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse(); // the SPA reads it
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(properties.secureCookies()));
        return tokens;
    }

    @Bean
    SecurityContextRepository sessionContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    BrowserSessions browserSessions(SecurityContextRepository sessionContexts, CookieCsrfTokenRepository csrfTokens) {
        return new BrowserSessions(sessionContexts, csrfTokens);
    }

    @Bean
    ApiTokenIntrospector apiTokenIntrospector(ApiTokens tokens, UserDirectory directory, SignInRecords records) {
        return new ApiTokenIntrospector(tokens, directory, records);
    }

    @Bean
    SignInThrottle signInThrottle(SecurityProperties properties) {
        return new SignInThrottle(properties.signInThrottle(), TimeMeter.SYSTEM_NANOTIME);
    }

    @Bean
    PasswordSignIn passwordSignIn(UserDirectory directory, PasswordEncoder passwordEncoder, SignInThrottle throttle,
                                  SignInRecords records) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new DirectoryUserDetailsService(directory));
        passwords.setPasswordEncoder(passwordEncoder);
        PasswordSignIn signIn = new PasswordSignIn(passwords, throttle, records);
        signIn.prepare();
        return signIn;
    }

    /**
     * HTTP Basic's password check (where enabled): throttled and recorded like every password sign-in, and
     * remembered while the account is unchanged, since Basic sends the password with every request.
     */
    @Bean
    AuthenticationManager basicSignIn(PasswordSignIn passwordSignIn, UserDirectory directory) {
        BasicSignInProvider basic = new BasicSignInProvider(passwordSignIn);
        return new ProviderManager(new CachingAuthenticationProvider(basic, Duration.ofMinutes(5),
                signIn -> stillCurrent(signIn, directory), basic::admitRemembered));
    }

    private static boolean stillCurrent(Authentication signIn, UserDirectory directory) {
        return signIn.getPrincipal() instanceof SignedInUser user && user.stillCurrent(directory);
    }

    /**
     * Spring Security's delegating encoder: new hashes are bcrypt ({@code {bcrypt}...}), and the prefix names the
     * algorithm, so a stronger one can be introduced later without invalidating stored hashes.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
