package newsroom.api.security;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic against the configured users. Every endpoint needs a signed-in user except the health
 * probe; role checks per action live next to the actions ({@link NewsroomRoles}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

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

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new CachingAuthenticationProvider(passwords, Duration.ofMinutes(5)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService users(NewsroomUsersProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash().replaceFirst("^\\{bcrypt}", ""))
                        .authorities(user.roles().stream().map(NewsroomRoles::authority).toArray(String[]::new))
                        .build())
                .toList();
        if (users.isEmpty()) {
            log.warn("No users are configured (newsroom.security.users); nobody can sign in. "
                    + "Start with --spring.profiles.active=demo for the documented demo users.");
        } else {
            log.info("{} users configured", users.size());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
