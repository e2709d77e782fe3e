package newsroom.people;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One person's account: their roles, their groups, whether they may sign in, and the fact (never the content) of
 * each password they set or were given. Each change is an event naming who made it, so the account's history is
 * the record of who granted whom which rights.
 * <p>
 * Command handlers enforce {@link UserRules} (the same checks {@link AccountActions} offers from); event-sourcing
 * handlers only replace the {@link AccountState}. Passwords never reach the aggregate: the API stores the hash
 * first and the command names it by a random {@code credentialId}.
 */
public class UserAccount {

    /** Account ids have a prefix of their own, so a username never collides with another aggregate's id. */
    private static final String ID_PREFIX = "user:";

    @AggregateIdentifier
    private String accountId;
    /** Null until registered; replaced (never mutated) by each event. */
    private AccountState state;

    protected UserAccount() {
        // for Axon: the aggregate is rebuilt from its events, or created by a registration
    }

    /** The aggregate id of a username's account. */
    public static String idOf(String username) {
        return ID_PREFIX + username;
    }

    /** Creates the account, or refuses with {@link UserRule#USERNAME_TAKEN} when the username already has one. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterUserCommand command) {
        enforce(UserRules.register(state, command.registeredBy(), command.username(), command.roles(),
                command.groups()));
        String displayName = command.displayName() == null || command.displayName().isBlank()
                ? command.username() : command.displayName().strip();
        apply(new UserRegisteredEvent(command.username(), displayName, command.roles(), command.groups(),
                command.credentialId(), command.passwordChangeRequired(), command.registeredBy().username()));
    }

    @CommandHandler
    public void handle(ChangeUserRolesCommand command) {
        enforce(UserRules.changeRoles(state, command.changedBy(), command.roles()));
        if (!command.roles().equals(state.roles())) {
            apply(new UserRolesChangedEvent(state.username(), command.roles(), state.roles(),
                    command.changedBy().username()));
        }
    }

    @CommandHandler
    public void handle(ChangeUserGroupsCommand command) {
        enforce(UserRules.changeGroups(state, command.changedBy(), command.groups()));
        if (!command.groups().equals(state.groups())) {
            apply(new UserGroupsChangedEvent(state.username(), command.groups(), state.groups(),
                    command.changedBy().username()));
        }
    }

    @CommandHandler
    public void handle(DisableUserCommand command) {
        enforce(UserRules.disable(state, command.disabledBy()));
        apply(new UserDisabledEvent(state.username(), command.reason(), command.disabledBy().username()));
    }

    @CommandHandler
    public void handle(ReEnableUserCommand command) {
        enforce(UserRules.reEnable(state, command.enabledBy()));
        apply(new UserReEnabledEvent(state.username(), command.enabledBy().username()));
    }

    @CommandHandler
    public void handle(ResetPasswordCommand command) {
        enforce(UserRules.resetPassword(state, command.resetBy()));
        apply(new PasswordResetEvent(state.username(), command.credentialId(), command.resetBy().username()));
    }

    @CommandHandler
    public void handle(ChangePasswordCommand command) {
        enforce(UserRules.changePassword(state, command.changedBy()));
        apply(new PasswordChangedEvent(state.username(), command.credentialId(), command.changedBy().username()));
    }

    /** The state the rules see; {@link AccountActions} takes the same kind of value, built from the read model. */
    public AccountState state() {
        return state;
    }

    private static void enforce(Optional<RuntimeException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    // ---- state, set only from events

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        accountId = idOf(event.username());
        state = new AccountState(event.username(), event.roles(), event.groups(), true);
    }

    @EventSourcingHandler
    void on(UserRolesChangedEvent event) {
        state = state.withRoles(event.roles());
    }

    @EventSourcingHandler
    void on(UserGroupsChangedEvent event) {
        state = state.withGroups(event.groups());
    }

    @EventSourcingHandler
    void on(UserDisabledEvent event) {
        state = state.withEnabled(false);
    }

    @EventSourcingHandler
    void on(UserReEnabledEvent event) {
        state = state.withEnabled(true);
    }
}
