package newsroom.api.governance;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.api.security.KnownUsers;
import newsroom.api.security.Permissions;
import newsroom.api.web.ProblemType;
import newsroom.governance.DelegateSigningCommand;
import newsroom.governance.RevokeDelegationCommand;
import newsroom.governance.SigningDelegation;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing delegations: a governance lead delegates signing for one of their groups to another member of it for a
 * period; both see it in their list (the dashboard shows it in the inbox), the lead may revoke it.
 */
@RestController
@RequestMapping("/api/delegations")
class DelegationController {

    private final GovernanceCommands commands;
    private final DelegationRepository delegations;
    private final UserDirectory directory;
    private final KnownUsers users;
    private final Permissions permissions;
    private final Clock clock;

    DelegationController(GovernanceCommands commands, DelegationRepository delegations, UserDirectory directory,
                         KnownUsers users, Permissions permissions, Clock clock) {
        this.commands = commands;
        this.delegations = delegations;
        this.directory = directory;
        this.users = users;
        this.permissions = permissions;
        this.clock = clock;
    }

    record DelegationRequest(@NotBlank @Size(max = 40) String group, @NotBlank @Size(max = 100) String delegate,
                             Instant from, @NotNull Instant until) {
    }

    /**
     * A delegation for the caller.
     *
     * @param inForce        whether it covers this moment and its lead still signs for the group (enabled, a
     *                       governance lead, a member of it)
     * @param allowedActions {@code REVOKE} when the caller may revoke it
     */
    record DelegationAnswer(DelegationView delegation, boolean inForce, Set<String> allowedActions) {
    }

    /** The delegations the caller gave or received. */
    @GetMapping
    List<DelegationAnswer> mine() {
        Actor actor = permissions.require(Action.READ);
        return delegations.involving(actor.username()).stream().map(view -> answer(view, actor)).toList();
    }

    @PostMapping
    ResponseEntity<DelegationAnswer> delegate(@Valid @RequestBody DelegationRequest request) {
        Actor actor = permissions.require(Action.DELEGATE_SIGNING);
        users.requireKnown("delegate", request.delegate());
        Optional<NewsroomUser> delegate = directory.find(request.delegate());
        Set<String> delegateGroups = delegate.map(NewsroomUser::groups).orElse(Set.of());
        Set<Role> delegateRoles = delegate.map(NewsroomUser::roles).orElse(Set.of());
        Instant now = clock.instant();
        String delegationId = UUID.randomUUID().toString();
        GovernanceCommands.Target target = target(delegationId);
        long version = commands.send(new DelegateSigningCommand(delegationId, request.group(), request.delegate(),
                delegateGroups, delegateRoles, request.from() == null ? now : request.from(), request.until(), actor, now), actor,
                target).orElseThrow();
        DelegationView shown = await(target, version);
        return ResponseEntity.created(URI.create("/api/delegations/" + delegationId)).body(answer(shown, actor));
    }

    @PostMapping("/{delegationId}/revoke")
    DelegationAnswer revoke(@PathVariable String delegationId) {
        Actor actor = permissions.require(Action.READ); // only the delegating lead may: the domain says so (409)
        GovernanceCommands.Target target = target(delegationId);
        long version = commands.send(new RevokeDelegationCommand(delegationId, actor, clock.instant()), actor, target)
                .orElseThrow();
        return answer(await(target, version), actor);
    }

    private DelegationView await(GovernanceCommands.Target target, long version) {
        return commands.awaitShown(DelegationProjection.PROCESSING_GROUP, target, version,
                () -> delegations.find(target.id()), DelegationView::sequence)
                .orElseThrow(() -> new GovernanceCommands.NotFound(ProblemType.DELEGATION_NOT_FOUND,
                        "There is no delegation '" + target.id() + "'."));
    }

    private DelegationAnswer answer(DelegationView view, Actor actor) {
        boolean mayRevoke = SigningDelegation.revokeRefusal(view.delegator(), view.revoked(), actor.username()).isEmpty();
        boolean inForce = !view.revoked()
                && view.delegation().inForceAt(clock.instant(),
                        directory.enabledActor(view.delegator()).orElse(null));
        return new DelegationAnswer(view, inForce, mayRevoke ? Set.of("REVOKE") : Set.of());
    }

    private static GovernanceCommands.Target target(String delegationId) {
        return new GovernanceCommands.Target(SigningDelegation.aggregateId(delegationId), "delegationId", delegationId,
                ProblemType.DELEGATION_NOT_FOUND, "delegation");
    }
}
