package newsroom.api.security;

import newsroom.api.people.UserDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Lets Spring Security's password sign-in (HTTP Basic, the STOMP CONNECT frame) read users from the directory. */
class DirectoryUserDetailsService implements UserDetailsService {

    private final UserDirectory directory;

    DirectoryUserDetailsService(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory.find(username)
                .flatMap(account -> directory.passwordHashOf(username).map(hash -> new SignedInUser(account, hash)))
                .orElseThrow(() -> new UsernameNotFoundException("no Newsroom user with that name"));
    }
}
