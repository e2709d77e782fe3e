package newsroom.people;

/**
 * An admin replaced the password with a one-time password ({@code credentialId}): the old one stops working
 * and the person must set a new one before doing anything else.
 */
public record PasswordResetEvent(String username, String credentialId, String resetBy) {
}
