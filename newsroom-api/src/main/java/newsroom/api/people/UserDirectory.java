package newsroom.api.people;

import java.util.List;
import java.util.Optional;

import newsroom.people.Actor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place that says who the newsroom's people are: every sign-in mechanism, the permission checks, the
 * people pickers and the account admin read users here (the {@code users} read model, kept by
 * {@link UserProjection}, and the password hashes in {@link Credentials}).
 * <p>
 * A sign-in must refuse a user who is absent or not {@link NewsroomUser#enabled()}, and check the password with
 * {@link #passwordMatches}. Something that remembers a sign-in (a cache, a session, a token) holds only for the
 * {@link NewsroomUser#version()} it was made at: every change to an account moves it.
 */
@Component
public class UserDirectory {

    private static final String REQUESTER = UserDirectory.class.getName() + ".requester.";

    private final UserRepository users;
    private final Credentials credentials;

    UserDirectory(UserRepository users, Credentials credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    public Optional<NewsroomUser> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.find(username).map(UserView::toUser);
    }

    /**
     * The account of the person making the current request, read once per request: its sign-in check, session
     * check and permission checks each ask (three reads of the same document were ~6% of a command's CPU).
     * Outside a request it is read now. Not for anything that waits to see an account change.
     */
    public Optional<NewsroomUser> findRequester(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || username == null) {
            return find(username);
        }
        String attribute = REQUESTER + username;
        @SuppressWarnings("unchecked")
        Optional<NewsroomUser> read = (Optional<NewsroomUser>) request.getAttribute(attribute,
                RequestAttributes.SCOPE_REQUEST);
        if (read == null) {
            read = find(username);
            request.setAttribute(attribute, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
    }

    /** The person as the domain sees them, if their account exists and is enabled. */
    public Optional<Actor> enabledActor(String username) {
        return find(username).filter(NewsroomUser::enabled).map(NewsroomUser::actor);
    }

    /** Every account, enabled or not, by username. */
    public List<NewsroomUser> all() {
        return users.all().stream().map(UserView::toUser).toList();
    }

    /** The people who can sign in, by username. */
    public List<NewsroomUser> enabled() {
        return all().stream().filter(NewsroomUser::enabled).toList();
    }

    /** Whether the password is the user's current one (enabled or not: that is the caller's second check). */
    public boolean passwordMatches(String username, String rawPassword) {
        return passwordHashOf(username).map(hash -> credentials.matches(rawPassword, hash)).orElse(false);
    }

    /**
     * The user's current password hash in Spring Security's {@code {id}hash} form, for a framework that checks
     * it itself (HTTP Basic's {@code DaoAuthenticationProvider}). Never log it or send it anywhere.
     */
    public Optional<String> passwordHashOf(String username) {
        return users.find(username).flatMap(view -> credentials.hashOf(view.credentialId(), username));
    }

    /** The id of the user's current credential, to delete the old hash once a new one is in force. */
    Optional<String> credentialIdOf(String username) {
        return users.find(username).map(UserView::credentialId);
    }
}
