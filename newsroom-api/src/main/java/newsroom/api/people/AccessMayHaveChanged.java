package newsroom.api.people;

/**
 * A Spring application event, announced after each write to the users or API tokens read model on this server, so
 * whatever remembers a sign-in (open live connections) can check at once that it still holds.
 */
public record AccessMayHaveChanged() {
}
