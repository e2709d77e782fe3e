package newsroom.api.security;

import java.time.Duration;

import newsroom.api.people.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic against the user directory ({@link UserDirectory}). Every endpoint needs a signed-in user except the
 * health probe; role checks per action live next to the actions ({@link Permissions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable()) // stateless API with Basic credentials on each request, no cookies
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // the dashboard's files: its sign-in form is part of them; all data needs a user
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        // STOMP sessions sign in with their CONNECT frame (see push.StompAuthentication)
                        .requestMatchers("/ws", "/ws/**").permitAll()
                        // calendar apps cannot sign in; the feed checks its personal token itself
                        .requestMatchers(HttpMethod.GET, "/calendar.ics").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Password sign-in (HTTP Basic, STOMP CONNECT) against the directory, remembered while the account is unchanged. */
    @Bean
    AuthenticationManager authenticationManager(UserDirectory directory, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new DirectoryUserDetailsService(directory));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new CachingAuthenticationProvider(passwords, Duration.ofMinutes(5),
                signIn -> stillCurrent(signIn, directory)));
    }

    /** The directory still has the account enabled and at the version it was signed in at. */
    private static boolean stillCurrent(Authentication signIn, UserDirectory directory) {
        return signIn.getPrincipal() instanceof SignedInUser user && directory.find(user.getUsername())
                .filter(account -> account.enabled() && account.version() == user.account().version())
                .isPresent();
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
