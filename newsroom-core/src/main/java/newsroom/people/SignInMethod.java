package newsroom.people;

/** How a person proved who they are. */
public enum SignInMethod {
    /** Username and password, starting a browser session. */
    PASSWORD,
    /** The organisation's identity provider (OpenID Connect), starting a browser session. */
    SINGLE_SIGN_ON,
    /** A personal API token sent as {@code Authorization: Bearer}; recorded on its first use each day. */
    API_TOKEN,
    /** HTTP Basic (where enabled); recorded when the password is checked, not on every request. */
    HTTP_BASIC
}
