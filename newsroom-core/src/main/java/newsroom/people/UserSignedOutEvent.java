package newsroom.people;

/** Somebody ended their browser session. {@code address} is the client's IP address as the server saw it. */
public record UserSignedOutEvent(String username, String address) {
}
