package newsroom.api.security;

import newsroom.api.security.signin.SignInRecords;
import newsroom.api.security.signin.SignInThrottle;
import newsroom.people.SignInMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Every password sign-in, whichever way it comes (the sign-in form, HTTP Basic where enabled): throttled per
 * username and per client address, checked against the user directory, and recorded (successes as
 * {@code UserSignedIn} events, failures in the sign-in record). The password itself is never kept or logged.
 */
class PasswordSignIn {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final SignInRecords records;

    PasswordSignIn(AuthenticationProvider passwords, SignInThrottle throttle, SignInRecords records) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.records = records;
    }

    /**
     * Pays the password check's one-time cost at start, not in the first requests: the first check of all computes the
     * bcrypt hash that an unknown username is checked against (so that it takes as long as a known one), and
     * concurrent first requests may each compute it. In {@code ServerBenchmark}'s first second and a half after a
     * start, that took about as many CPU samples as the three users' own checks. Neither throttled nor recorded:
     * nobody signs in.
     */
    void prepare() {
        try {
            passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("", ""));
        } catch (AuthenticationException expected) {
            // the empty username is nobody's: refused, after the same work as any sign-in
        }
    }

    /**
     * The signed-in user ({@link SignedInUser} principal). Throws {@link SignInThrottled} when the username or address
     * used up its attempts (the password is then not even checked), another {@link AuthenticationException} when the
     * username, password or account does not sign in.
     */
    Authentication signIn(String username, String password, String address, SignInMethod method) {
        SignInThrottle.Attempt attempt = begin(username, address);
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException failed) {
            records.failed(username, address, "WRONG_CREDENTIALS");
            throw failed;
        }
        attempt.succeeded();
        records.signedIn(signedIn.getName(), method, address);
        return signedIn;
    }

    /**
     * Before a remembered sign-in (HTTP Basic's cache) is used: throws {@link SignInThrottled} while the username or
     * address is throttled, so the throttle holds even for the right password; otherwise uses up no attempt.
     */
    void admitRemembered(String username, String address) {
        begin(username, address).succeeded();
    }

    private SignInThrottle.Attempt begin(String username, String address) {
        try {
            return throttle.begin(username, address);
        } catch (SignInThrottle.Refused refused) {
            records.failed(username, address, "TOO_MANY_ATTEMPTS");
            throw new SignInThrottled(refused.retryAfter());
        }
    }
}
