package newsroom.people;

import java.util.Set;

/**
 * A person got an account. {@code credentialId} names their stored password hash (kept apart from events,
 * which are kept forever); with {@code passwordChangeRequired} it is a one-time password.
 */
public record UserRegisteredEvent(String username, String displayName, Set<Role> roles, Set<String> groups,
                                  String credentialId, boolean passwordChangeRequired, String registeredBy) {
}
