package newsroom.api.security;

import static newsroom.api.security.ActionNotAllowed.refusedForRole;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import newsroom.api.axon.EventHistory;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserCommands;
import newsroom.api.people.UserDirectory;
import newsroom.api.people.UserNotFound;
import newsroom.api.web.CarriesSecrets;
import newsroom.api.web.IfMatch;
import newsroom.people.AccountAction;
import newsroom.people.AccountActions;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import newsroom.people.UserAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account administration: admins register people, change their roles and groups, disable and re-enable them and
 * force password resets ({@code MANAGE_USERS}); admins and auditors read every account with its state and history
 * ({@code READ_AUDIT_TRAIL}). Each account answered carries what the caller may do to it ({@code allowedActions},
 * from the domain's {@link AccountActions}) and its version as ETag; send it back as {@code If-Match} to have a
 * change refused (409) if someone changed the account in between.
 */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    private final UserDirectory directory;
    private final UserCommands users;
    private final EventHistory history;
    private final Permissions permissions;

    UserAdminController(UserDirectory directory, UserCommands users, EventHistory history, Permissions permissions) {
        this.directory = directory;
        this.users = users;
        this.history = history;
        this.permissions = permissions;
    }

    /** An account as the admin sees it; never a password or its hash. */
    record Account(String username, String displayName, Set<Role> roles, Set<String> groups, boolean enabled,
                   boolean passwordChangeRequired, Instant registeredAt, String registeredBy, long version,
                   Set<AccountAction> allowedActions) {

        static Account of(NewsroomUser user, Actor caller) {
            return new Account(user.username(), user.displayName(), user.roles(), user.groups(), user.enabled(),
                    user.passwordChangeRequired(), user.registeredAt(), user.registeredBy(), user.version(),
                    AccountActions.allowedFor(user.accountState(), caller));
        }
    }

    /** A new account with its one-time password, shown only in this answer. */
    record Registration(Account account, String oneTimePassword) {
    }

    record PasswordReset(String username, String oneTimePassword) {
    }

    record RegisterRequest(@NotBlank String username, @Size(max = 200) String displayName, Set<Role> roles,
                           Set<String> groups) {
    }

    record RolesRequest(Set<Role> roles) {
    }

    record GroupsRequest(Set<String> groups) {
    }

    record DisableRequest(@Size(max = 2_000) String reason) {
    }

    @GetMapping
    List<Account> all() {
        Actor caller = permissions.require(Action.READ_AUDIT_TRAIL);
        return directory.all().stream().map(user -> Account.of(user, caller)).toList();
    }

    @GetMapping("/{username}")
    ResponseEntity<Account> one(@PathVariable String username) {
        Actor caller = permissions.require(Action.READ_AUDIT_TRAIL);
        return answer(directory.find(username).orElseThrow(() -> new UserNotFound(username)), caller);
    }

    /** Who changed what on the account, and when: its events, as stored. */
    @GetMapping("/{username}/history")
    List<EventHistory.Entry> history(@PathVariable String username) {
        permissions.require(Action.READ_AUDIT_TRAIL);
        List<EventHistory.Entry> entries = history.of(UserAccount.idOf(username), UserAccount.class.getSimpleName());
        if (entries.isEmpty()) {
            throw new UserNotFound(username);
        }
        return entries;
    }

    @PostMapping
    @CarriesSecrets
    ResponseEntity<Registration> register(@Valid @RequestBody RegisterRequest request) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        UserCommands.Registered registered = refusedForRole(() -> users.register(admin, request.username(),
                request.displayName(), request.roles(), request.groups()));
        Account account = Account.of(registered.user(), admin);
        return ResponseEntity.created(URI.create("/api/admin/users/" + account.username()))
                .eTag(IfMatch.etag(account.version()))
                .body(new Registration(account, registered.oneTimePassword()));
    }

    @PutMapping("/{username}/roles")
    ResponseEntity<Account> changeRoles(@PathVariable String username, @RequestBody RolesRequest request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        return answer(refusedForRole(() -> users.changeRoles(admin, username, request.roles(),
                IfMatch.version(ifMatch))), admin);
    }

    @PutMapping("/{username}/groups")
    ResponseEntity<Account> changeGroups(@PathVariable String username, @RequestBody GroupsRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        return answer(refusedForRole(() -> users.changeGroups(admin, username, request.groups(),
                IfMatch.version(ifMatch))), admin);
    }

    @PostMapping("/{username}/disable")
    ResponseEntity<Account> disable(@PathVariable String username,
                                    @Valid @RequestBody(required = false) DisableRequest request,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        String reason = request == null ? null : request.reason();
        return answer(refusedForRole(() -> users.disable(admin, username, reason, IfMatch.version(ifMatch))), admin);
    }

    @PostMapping("/{username}/enable")
    ResponseEntity<Account> reEnable(@PathVariable String username,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        return answer(refusedForRole(() -> users.reEnable(admin, username, IfMatch.version(ifMatch))), admin);
    }

    /** Gives the account a one-time password (in the answer, once); the person must replace it when they sign in. */
    @PostMapping("/{username}/password-reset")
    @CarriesSecrets
    PasswordReset resetPassword(@PathVariable String username) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        return new PasswordReset(username, refusedForRole(() -> users.resetPassword(admin, username)));
    }

    private static ResponseEntity<Account> answer(NewsroomUser user, Actor caller) {
        return ResponseEntity.ok().eTag(IfMatch.etag(user.version())).body(Account.of(user, caller));
    }
}
