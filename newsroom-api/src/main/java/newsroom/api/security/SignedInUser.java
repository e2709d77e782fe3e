package newsroom.api.security;

import java.util.List;

import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A directory user as Spring Security's sign-in sees them: enabled or not, their password hash, and their roles as
 * authorities (none while they must change their password, so they can do nothing but that). It remembers the
 * account {@link NewsroomUser#version()} it was read at, so a remembered sign-in can tell it is stale.
 */
class SignedInUser extends User {

    private final NewsroomUser account;

    SignedInUser(NewsroomUser account, String passwordHash) {
        super(account.username(), passwordHash, account.enabled(), true, true, true,
                account.passwordChangeRequired() ? List.of()
                        : account.roles().stream().map(role -> new SimpleGrantedAuthority(NewsroomRoles.authority(role)))
                        .toList());
        this.account = account;
    }

    NewsroomUser account() {
        return account;
    }

    /** The directory still has the account enabled and at the version it was signed in at. */
    boolean stillCurrent(UserDirectory directory) {
        return directory.findRequester(getUsername())
                .filter(current -> current.enabled() && current.version() == account.version()).isPresent();
    }
}
