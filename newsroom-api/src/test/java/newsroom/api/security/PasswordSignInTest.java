package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Preparing the password check at start leaves no one-time hashing for the first sign-ins. */
class PasswordSignInTest {

    private final AtomicInteger hashesComputed = new AtomicInteger();

    /** bcrypt at its lowest cost, counting the hashes it computes (not the checks). */
    private final PasswordEncoder counting = new PasswordEncoder() {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence rawPassword) {
            hashesComputed.incrementAndGet();
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    };

    @Test
    void afterPreparingNeitherAKnownNorAnUnknownUsernameComputesAHash() {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("carla").password(new BCryptPasswordEncoder(4).encode("blue-river-stone-42"))
                        .roles("REPORTER").build()));
        passwords.setPasswordEncoder(counting);

        new PasswordSignIn(passwords, null, null).prepare();
        int afterPreparing = hashesComputed.get();

        assertThat(passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("carla",
                "blue-river-stone-42")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody",
                "blue-river-stone-42"))).isInstanceOf(BadCredentialsException.class);
        assertThat(afterPreparing).as("the unknown username's hash, computed while preparing").isEqualTo(1);
        assertThat(hashesComputed).as("hashes computed by the sign-ins after it").hasValue(afterPreparing);
    }
}
