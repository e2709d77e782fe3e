package newsroom.people;

/**
 * The person set a new password ({@code credentialId}); the old one stops working.
 */
public record PasswordChangedEvent(String username, String credentialId, String changedBy) {
}
