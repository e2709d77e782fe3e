package newsroom.api.security;

import newsroom.people.SignInMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** HTTP Basic's password check (where enabled) through the one throttled, recorded {@link PasswordSignIn}. */
class BasicSignInProvider implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    BasicSignInProvider(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return signIn.signIn(authentication.getName(), String.valueOf(authentication.getCredentials()),
                addressOf(authentication), SignInMethod.HTTP_BASIC);
    }

    /** Before {@link CachingAuthenticationProvider} answers from its memory: the throttle still applies. */
    void admitRemembered(Authentication authentication) {
        signIn.admitRemembered(authentication.getName(), addressOf(authentication));
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
