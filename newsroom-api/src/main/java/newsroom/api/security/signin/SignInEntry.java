package newsroom.api.security.signin;

import java.time.Instant;

import newsroom.people.SignInMethod;

/**
 * One line of the sign-in record.
 *
 * @param username as the person typed it for a failure (it may name nobody)
 * @param method   how they signed in (for {@code SIGNED_IN}); null otherwise
 * @param address  the client's IP address as the server saw it
 * @param reason   why a sign-in failed ({@code SIGN_IN_FAILED}): {@code WRONG_CREDENTIALS},
 *                 {@code TOO_MANY_ATTEMPTS}, {@code SINGLE_SIGN_ON_REFUSED}
 */
public record SignInEntry(Instant at, Kind kind, String username, SignInMethod method, String address,
                          String reason) {

    public enum Kind {
        SIGNED_IN,
        SIGNED_OUT,
        SIGN_IN_FAILED
    }
}
