package newsroom.api.people;

import newsroom.api.web.VersionConflict;

/**
 * The account changed since the admin read it (If-Match), or another change to it won the race. Answered 409 with
 * the current version; nothing is overwritten.
 */
class UserVersionConflict extends VersionConflict {

    UserVersionConflict(String username, Long currentVersion, String detail) {
        super("The account has changed", "username", username, currentVersion, detail);
    }
}
