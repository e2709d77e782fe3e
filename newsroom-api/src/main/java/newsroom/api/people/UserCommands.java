package newsroom.api.people;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import newsroom.people.Actor;
import newsroom.people.ChangePasswordCommand;
import newsroom.people.ChangeUserGroupsCommand;
import newsroom.people.ChangeUserRolesCommand;
import newsroom.people.DisableUserCommand;
import newsroom.people.PasswordPolicy;
import newsroom.people.PasswordRule;
import newsroom.people.ReEnableUserCommand;
import newsroom.people.RegisterUserCommand;
import newsroom.people.ResetPasswordCommand;
import newsroom.people.Role;
import newsroom.people.UserAccount;
import newsroom.people.UserRule;
import newsroom.people.UserRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

/**
 * Changes accounts: checks new passwords against the {@link PasswordPolicy} and stores their hashes
 * ({@link Credentials}) before the command that makes them current, sends the account commands with the user in
 * their metadata, turns refusals into problems (a rule about a field 400, about the account 409, an unknown user
 * 404, a conflict 409 with the current version) and answers once the {@code users} read model shows the change, so
 * the next sign-in already sees it. A domain {@code MissingRole} is passed on for the caller to answer 403.
 */
@Component
public class UserCommands {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandGateway commands;
    private final EventStore events;
    private final UserRepository users;
    private final Credentials credentials;
    private final AccountChanges changes;
    /** Disabling and role changes run one at a time; see {@link #oneAtATime}. */
    private final ReentrantLock accessChanges = new ReentrantLock();

    UserCommands(CommandGateway commands, EventStore events, UserRepository users, Credentials credentials,
                 AccountChanges changes) {
        this.commands = commands;
        this.events = events;
        this.users = users;
        this.credentials = credentials;
        this.changes = changes;
    }

    /** A new account and the one-time password it was given (shown once, to the admin, never stored in clear). */
    public record Registered(NewsroomUser user, String oneTimePassword) {
    }

    /** Registers a person with a generated one-time password they must replace at their first sign-in. */
    public Registered register(Actor by, String username, String displayName, Set<Role> roles, Set<String> groups) {
        String oneTimePassword = oneTimePassword();
        NewsroomUser user = store(by, username, displayName, roles, groups, oneTimePassword, true);
        return new Registered(user, oneTimePassword);
    }

    /**
     * Registers a person with a chosen password (the first admin from configuration, the demo people). The
     * password must keep the {@link PasswordPolicy}; with {@code changeRequired} it is one-time.
     */
    public NewsroomUser registerWithPassword(Actor by, String username, String displayName, Set<Role> roles,
                                             Set<String> groups, String password, boolean changeRequired) {
        PasswordPolicy.check(password, username, displayName).ifPresent(rule -> {
            throw AccountInputRefused.of("password", rule);
        });
        return store(by, username, displayName, roles, groups, password, changeRequired);
    }

    /**
     * Registers a person who signs in through the organisation's identity provider only: no password, so a
     * password sign-in never succeeds for them (an admin's reset would give them one).
     */
    public NewsroomUser registerWithoutPassword(Actor by, String username, String displayName, Set<Role> roles,
                                                Set<String> groups) {
        return register(by, username, displayName, roles, groups, null, false);
    }

    private NewsroomUser store(Actor by, String username, String displayName, Set<Role> roles, Set<String> groups,
                               String password, boolean changeRequired) {
        String credentialId = credentials.store(username, password);
        try {
            return register(by, username, displayName, roles, groups, credentialId, changeRequired);
        } catch (RuntimeException refused) {
            credentials.delete(credentialId);
            throw refused;
        }
    }

    private NewsroomUser register(Actor by, String username, String displayName, Set<Role> roles, Set<String> groups,
                                  String credentialId, boolean changeRequired) {
        Set<String> memberOf = groups == null ? Set.of() : groups;
        send(username, new RegisterUserCommand(username, displayName, roles, memberOf, credentialId, changeRequired,
                by), by);
        return awaitChange(username).orElseGet(() -> new NewsroomUser(username, displayName, roles, memberOf, true,
                changeRequired, null, by.username(), 0));
    }

    public NewsroomUser changeRoles(Actor by, String username, Set<Role> roles, Long expectedVersion) {
        return oneAtATime(by, admin -> {
            send(username, new ChangeUserRolesCommand(username, roles == null ? Set.of() : roles, admin,
                    expectedVersion), admin);
            return awaitChange(username).orElseThrow();
        });
    }

    public NewsroomUser changeGroups(Actor by, String username, Set<String> groups, Long expectedVersion) {
        send(username, new ChangeUserGroupsCommand(username, groups == null ? Set.of() : groups, by, expectedVersion),
                by);
        return awaitChange(username).orElseThrow();
    }

    public NewsroomUser disable(Actor by, String username, String reason, Long expectedVersion) {
        return oneAtATime(by, admin -> {
            send(username, new DisableUserCommand(username, reason, admin, expectedVersion), admin);
            return awaitChange(username).orElseThrow();
        });
    }

    public NewsroomUser reEnable(Actor by, String username, Long expectedVersion) {
        send(username, new ReEnableUserCommand(username, by, expectedVersion), by);
        return awaitChange(username).orElseThrow();
    }

    /** Replaces the user's password with a one-time password and returns it; the old password stops working. */
    public String resetPassword(Actor by, String username) {
        String previous = users.find(username).map(UserView::credentialId).orElseThrow(() -> new UserNotFound(username));
        String oneTimePassword = oneTimePassword();
        replacePassword(username, oneTimePassword, previous,
                credentialId -> new ResetPasswordCommand(username, credentialId, by), by);
        return oneTimePassword;
    }

    /**
     * The signed-in person replaces their own password after proving the current one: refused 400 on
     * {@code currentPassword} ({@code CurrentPasswordIncorrect}) or on {@code newPassword} (a {@link PasswordRule}).
     */
    public void changePassword(Actor by, String currentPassword, String newPassword) {
        UserView account = users.find(by.username()).orElseThrow(() -> new UserNotFound(by.username()));
        boolean proven = credentials.hashOf(account.credentialId(), account.username())
                .map(hash -> credentials.matches(currentPassword, hash)).orElse(false);
        if (!proven) {
            throw new BadRequest("currentPassword", InputRule.CURRENT_PASSWORD_INCORRECT,
                    "This is not your current password.");
        }
        PasswordPolicy.checkReplacement(newPassword, currentPassword, account.username(), account.displayName())
                .ifPresent(rule -> {
                    throw AccountInputRefused.of("newPassword", rule);
                });
        replacePassword(account.username(), newPassword, account.credentialId(),
                credentialId -> new ChangePasswordCommand(account.username(), credentialId, by), by);
    }

    private void replacePassword(String username, String password, String previousCredentialId,
                                 Function<String, Object> command, Actor by) {
        String credentialId = credentials.store(username, password);
        try {
            send(username, command.apply(credentialId), by);
        } catch (RuntimeException refused) {
            credentials.delete(credentialId);
            throw refused;
        }
        awaitChange(username);
        // the old hash is no longer anyone's password once the read model names the new one
        if (users.find(username).map(view -> credentialId.equals(view.credentialId())).orElse(false)) {
            credentials.delete(previousCredentialId);
        }
    }

    /**
     * Runs a change that can take admin rights away (disabling, roles) one at a time, with the admin re-read from
     * the directory once it is their turn. With the domain's rules that nobody disables themself or drops their
     * own ADMIN role, two admins who disable each other at the same moment cannot both succeed: the second finds
     * they are no longer an enabled admin. (Within one server; Newsroom runs as one.)
     */
    private NewsroomUser oneAtATime(Actor by, Function<Actor, NewsroomUser> change) {
        accessChanges.lock();
        try {
            // Newsroom itself (system:..., e.g. single sign-on) has no account to re-read
            Actor current = by.isSystem() ? by : users.find(by.username())
                    .filter(UserView::enabled).map(view -> view.toUser().actor())
                    .orElse(new Actor(by.username(), Set.of(), Set.of()));
            return change.apply(current);
        } finally {
            accessChanges.unlock();
        }
    }

    private void send(String username, Object command, Actor by) {
        try {
            commands.sendAndWait(command, MetaData.with(MessageMetadata.USERNAME, by.username()));
        } catch (AggregateNotFoundException e) {
            throw new UserNotFound(username);
        } catch (UserRuleViolation e) {
            String field = e.rule().field();
            throw field != null ? AccountInputRefused.of(e) : new AccountRuleViolated(e);
        } catch (ConflictingAggregateVersionException e) {
            throw new UserVersionConflict(username, currentVersion(username).orElse(null),
                    "The account is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                            + " as the request expected. Reload it and try again.");
        } catch (ConcurrencyException e) {
            if (command instanceof RegisterUserCommand) {
                // another registration of the same username was stored first
                throw new AccountRuleViolated(new UserRuleViolation(UserRule.USERNAME_TAKEN, "'" + username + "' is taken"));
            }
            throw new UserVersionConflict(username, currentVersion(username).orElse(null),
                    "Another change to this account was saved at the same moment. Reload it and try again.");
        }
    }

    private Optional<Long> currentVersion(String username) {
        return events.lastSequenceNumberFor(UserAccount.idOf(username));
    }

    /**
     * The account once the read model shows its latest event; after the bound, as far as it got (an accepted change
     * is never answered as failed), or empty for an account the read model does not show yet.
     */
    private Optional<NewsroomUser> awaitChange(String username) {
        long version = currentVersion(username).orElse(0L);
        UserView[] latest = new UserView[1];
        changes.await(() -> {
            latest[0] = users.find(username).orElse(null);
            return latest[0] != null && latest[0].version() >= version;
        }, READ_YOUR_WRITES);
        return Optional.ofNullable(latest[0]).map(UserView::toUser);
    }

    /** 120 random bits, URL-safe: far beyond any guessing, short enough to hand over. */
    private static String oneTimePassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
