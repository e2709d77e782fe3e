package newsroom.people;

import java.util.Set;

/**
 * The account's roles are now {@code roles}; they were {@code previousRoles}.
 */
public record UserRolesChangedEvent(String username, Set<Role> roles, Set<Role> previousRoles, String changedBy) {
}
