package newsroom.api.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** Single sign-on through the organisation's OpenID Connect provider (only when configured). */
class OidcSignIn {

    /** Where a browser starts single sign-on. */
    static final String REGISTRATION_ID = "oidc";
    static final String LOGIN_URL = "/oauth2/authorization/" + REGISTRATION_ID;

    void configure(HttpSecurity http) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
