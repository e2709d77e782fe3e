package newsroom.api.people;

import java.time.Instant;
import java.util.function.UnaryOperator;

import newsroom.people.PasswordChangedEvent;
import newsroom.people.PasswordResetEvent;
import newsroom.people.UserDisabledEvent;
import newsroom.people.UserGroupsChangedEvent;
import newsroom.people.UserReEnabledEvent;
import newsroom.people.UserRegisteredEvent;
import newsroom.people.UserRolesChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code users} read model, which sign-in, permissions and the people lists read. Idempotent: each
 * document remembers the sequence number of the last event applied and ignores anything not newer. Resettable:
 * a rebuild empties it and replays the account events (password hashes live apart, in {@code user_credentials},
 * and the events name the current one, so a rebuild points every account at its current password again).
 */
@Component
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
class UserProjection {

    static final String PROCESSING_GROUP = "users";

    private final UserRepository users;
    private final AccountChanges changes;

    UserProjection(UserRepository users, AccountChanges changes) {
        this.users = users;
        this.changes = changes;
    }

    @EventHandler
    void on(UserRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (users.find(event.username()).map(view -> view.version() >= sequence).orElse(false)) {
            return;
        }
        save(new UserView(event.username(), event.displayName(), event.roles(), event.groups(), true,
                event.passwordChangeRequired(), event.credentialId(), at, event.registeredBy(), sequence));
    }

    @EventHandler
    void on(UserRolesChangedEvent event, @SequenceNumber long sequence) {
        update(event.username(), sequence, view -> view.withRoles(event.roles(), sequence));
    }

    @EventHandler
    void on(UserGroupsChangedEvent event, @SequenceNumber long sequence) {
        update(event.username(), sequence, view -> view.withGroups(event.groups(), sequence));
    }

    @EventHandler
    void on(UserDisabledEvent event, @SequenceNumber long sequence) {
        update(event.username(), sequence, view -> view.withEnabled(false, sequence));
    }

    @EventHandler
    void on(UserReEnabledEvent event, @SequenceNumber long sequence) {
        update(event.username(), sequence, view -> view.withEnabled(true, sequence));
    }

    @EventHandler
    void on(PasswordResetEvent event, @SequenceNumber long sequence) {
        update(event.username(), sequence, view -> view.withCredential(event.credentialId(), true, sequence));
    }

    @EventHandler
    void on(PasswordChangedEvent event, @SequenceNumber long sequence) {
        update(event.username(), sequence, view -> view.withCredential(event.credentialId(), false, sequence));
    }

    @ResetHandler
    void reset() {
        users.deleteAll();
    }

    private void update(String username, long sequence, UnaryOperator<UserView> change) {
        users.find(username).filter(view -> view.version() < sequence).map(change).ifPresent(this::save);
    }

    private void save(UserView view) {
        users.save(view);
        changes.saved();
    }
}
