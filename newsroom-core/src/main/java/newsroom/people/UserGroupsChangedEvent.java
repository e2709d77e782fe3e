package newsroom.people;

import java.util.Set;

/**
 * The account's groups are now {@code groups}; they were {@code previousGroups}.
 */
public record UserGroupsChangedEvent(String username, Set<String> groups, Set<String> previousGroups,
                                     String changedBy) {
}
