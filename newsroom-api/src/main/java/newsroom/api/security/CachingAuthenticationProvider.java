package newsroom.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers successful sign-ins for a few minutes. HTTP Basic sends the password with every request,
 * and checking a BCrypt hash costs ~80 ms of CPU by design; without this, every API call would pay it.
 * The cache key is a SHA-256 of user and password (the password itself is not kept), so a wrong password
 * never matches a cached entry. Concurrent sign-ins with the same credentials wait for one check instead of
 * each paying for their own: on a cold cache, a burst of requests from one user costs one BCrypt check.
 * <p>
 * A remembered sign-in is used only while {@code stillCurrent} says so: for directory users, while the
 * account is enabled and at the version it was signed in at. Every account event (disabled, password
 * changed or reset, roles or groups changed) moves that version, so the next request after it checks the
 * password again and a disabled user or an old password is refused at once, on this and every other node.
 * <p>
 * {@code admit} runs before a remembered sign-in is used, and may refuse it: the sign-in throttle holds for
 * remembered sign-ins too, so a throttled username is refused even with the right password.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> signedIn;
    private final Predicate<Authentication> stillCurrent;
    private final Consumer<Authentication> admit;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Predicate<Authentication> stillCurrent,
                                  Consumer<Authentication> admit) {
        this.delegate = delegate;
        this.signedIn = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        this.stillCurrent = stillCurrent;
        this.admit = admit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = fingerprint(authentication.getName(), password);
        Authentication cached = signedIn.getIfPresent(key);
        if (cached != null) {
            admit.accept(authentication);
            if (stillCurrent.test(cached)) {
                return cached;
            }
            signedIn.invalidate(key);
        }
        // a failed check throws and caches nothing; a provider that cannot decide (null) is asked again
        return signedIn.get(key, fingerprint -> {
            Authentication result = delegate.authenticate(authentication);
            return result != null && result.isAuthenticated() ? result : null;
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
