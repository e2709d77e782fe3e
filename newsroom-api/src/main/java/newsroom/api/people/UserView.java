package newsroom.api.people;

import java.time.Instant;
import java.util.Set;

import newsroom.people.Role;

/**
 * One account in the {@code users} read model, as stored. {@code credentialId} names the account's current
 * password hash in {@code user_credentials}; {@code version} is the sequence number of the last event applied.
 */
record UserView(String username, String displayName, Set<Role> roles, Set<String> groups, boolean enabled,
                boolean passwordChangeRequired, String credentialId, Instant registeredAt, String registeredBy,
                long version) {

    UserView {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    NewsroomUser toUser() {
        return new NewsroomUser(username, displayName, roles, groups, enabled, passwordChangeRequired, registeredAt,
                registeredBy, version);
    }

    UserView withRoles(Set<Role> newRoles, long newVersion) {
        return new UserView(username, displayName, newRoles, groups, enabled, passwordChangeRequired, credentialId,
                registeredAt, registeredBy, newVersion);
    }

    UserView withGroups(Set<String> newGroups, long newVersion) {
        return new UserView(username, displayName, roles, newGroups, enabled, passwordChangeRequired, credentialId,
                registeredAt, registeredBy, newVersion);
    }

    UserView withEnabled(boolean nowEnabled, long newVersion) {
        return new UserView(username, displayName, roles, groups, nowEnabled, passwordChangeRequired, credentialId,
                registeredAt, registeredBy, newVersion);
    }

    UserView withCredential(String newCredentialId, boolean changeRequired, long newVersion) {
        return new UserView(username, displayName, roles, groups, enabled, changeRequired, newCredentialId,
                registeredAt, registeredBy, newVersion);
    }
}
