package newsroom.people;

/**
 * Somebody signed in. Not an account change, so it belongs to no account's history: the sign-in record (and the
 * audit) reads these. {@code address} is the client's IP address as the server saw it.
 */
public record UserSignedInEvent(String username, SignInMethod method, String address) {
}
