package newsroom.people;

/**
 * A disabled account may sign in again.
 */
public record UserReEnabledEvent(String username, String enabledBy) {
}
