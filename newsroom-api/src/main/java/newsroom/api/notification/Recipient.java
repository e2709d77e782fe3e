package newsroom.api.notification;

import newsroom.people.Role;

/**
 * Whom a notification is addressed to, as the event stream says it: a person by username, or everyone
 * holding a role ("the governance leads"). A role is resolved to people only when an inbox is read or a
 * notification pushed, so the stored inboxes depend on the events alone, never on who holds the role
 * today.
 *
 * @param key the inbox id: {@code user:<username>} or {@code role:<ROLE>}
 */
record Recipient(String key) {

    static Recipient person(String username) {
        return new Recipient("user:" + username);
    }

    static Recipient everyone(Role role) {
        return new Recipient("role:" + role.name());
    }

    /** The username, for a person; null for a role. */
    String username() {
        return key.startsWith("user:") ? key.substring("user:".length()) : null;
    }

    /** The role, for a role; null for a person. */
    Role role() {
        return key.startsWith("role:") ? Role.valueOf(key.substring("role:".length())) : null;
    }
}
