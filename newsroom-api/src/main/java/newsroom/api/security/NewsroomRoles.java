package newsroom.api.security;

import java.util.EnumSet;
import java.util.Set;

import newsroom.people.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Maps between Spring Security authorities and the domain's roles, in one place. */
public final class NewsroomRoles {

    private static final String PREFIX = "ROLE_";

    private NewsroomRoles() {
    }

    public static String authority(Role role) {
        return PREFIX + role.name();
    }

    public static Set<Role> rolesOf(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(PREFIX)) {
                try {
                    roles.add(Role.valueOf(name.substring(PREFIX.length())));
                } catch (IllegalArgumentException ignored) {
                    // an authority that is not a newsroom role
                }
            }
        }
        return roles;
    }
}
