package newsroom.people;

/**
 * The account can no longer sign in.
 */
public record UserDisabledEvent(String username, String reason, String disabledBy) {
}
