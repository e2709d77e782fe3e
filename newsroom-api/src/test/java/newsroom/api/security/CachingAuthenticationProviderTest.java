package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** A remembered sign-in saves the password check only while the account is unchanged. */
class CachingAuthenticationProviderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicBoolean accountUnchanged = new AtomicBoolean(true);
    private volatile String currentPassword = "blue-river-stone-42";

    /** Stands in for the bcrypt check against the directory: counts how often it runs. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!currentPassword.equals(authentication.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final AtomicBoolean throttled = new AtomicBoolean(false);

    private final CachingAuthenticationProvider cache = new CachingAuthenticationProvider(passwords,
            Duration.ofMinutes(5), signIn -> accountUnchanged.get(), signIn -> {
                if (throttled.get()) {
                    throw new SignInThrottled(Duration.ofSeconds(90));
                }
            });

    private Authentication signIn(String password) {
        return cache.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("carla", password));
    }

    @Test
    void aRepeatedSignInIsCheckedOnce() {
        signIn("blue-river-stone-42");
        signIn("blue-river-stone-42");

        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverTakenFromTheCache() {
        signIn("blue-river-stone-42");

        assertThatThrownBy(() -> signIn("not-the-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void afterTheAccountChangedTheOldPasswordIsCheckedAgainAndRefused() {
        signIn("blue-river-stone-42");
        currentPassword = "green-valley-cloud-77";
        accountUnchanged.set(false);

        assertThatThrownBy(() -> signIn("blue-river-stone-42")).isInstanceOf(BadCredentialsException.class);
        accountUnchanged.set(true);
        assertThat(signIn("green-valley-cloud-77").isAuthenticated()).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedSignInIsRefusedWhileTheThrottleRefuses() {
        signIn("blue-river-stone-42");
        throttled.set(true);

        assertThatThrownBy(() -> signIn("blue-river-stone-42")).isInstanceOf(SignInThrottled.class);
        throttled.set(false);
        assertThat(signIn("blue-river-stone-42").isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);
    }
}
