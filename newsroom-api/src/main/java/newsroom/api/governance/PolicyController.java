package newsroom.api.governance;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import newsroom.api.security.Permissions;
import newsroom.api.web.IfMatch;
import newsroom.api.web.ProblemType;
import newsroom.governance.ApprovalPolicyDefinition;
import newsroom.governance.DefineApprovalPolicyCommand;
import newsroom.governance.PolicyStep;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approval policies as versioned data: everybody reads them (an approver sees the checklist), admins define a
 * policy or its next version. A new version applies to stories submitted afterwards.
 */
@RestController
@RequestMapping("/api/approval-policies")
class PolicyController {

    private final GovernanceCommands commands;
    private final PolicyRepository policies;
    private final Permissions permissions;
    private final Clock clock;

    PolicyController(GovernanceCommands commands, PolicyRepository policies, Permissions permissions, Clock clock) {
        this.commands = commands;
        this.policies = policies;
        this.permissions = permissions;
        this.clock = clock;
    }

    record StepRequest(@NotNull @Size(max = 40) String group, @NotNull Integer signatures) {
    }

    record PolicyRequest(@Size(max = 80) String name, @Size(max = 10) List<@NotNull @Valid StepRequest> steps,
                         @Size(max = 10) List<@NotNull @Size(max = 200) String> checklist) {
    }

    /** A policy with what the caller may do with it. */
    record PolicyAnswer(PolicyView policy, Set<Action> allowedActions) {
    }

    @GetMapping
    List<PolicyAnswer> all() {
        Actor actor = permissions.require(Action.READ);
        return policies.all().stream().map(policy -> answer(policy, actor)).toList();
    }

    @GetMapping("/{policyId}")
    ResponseEntity<PolicyAnswer> one(@PathVariable String policyId) {
        Actor actor = permissions.require(Action.READ);
        PolicyView policy = policies.find(policyId).orElseThrow(() -> notFound(policyId));
        return ResponseEntity.ok().eTag(IfMatch.etag(policy.sequence())).body(answer(policy, actor));
    }

    /** Defines the policy, or its next version; an unchanged definition adds no version. */
    @PutMapping("/{policyId}")
    ResponseEntity<PolicyAnswer> define(@PathVariable String policyId, @Valid @RequestBody PolicyRequest request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.MANAGE_APPROVAL_POLICIES);
        List<PolicyStep> steps = request.steps() == null ? List.of() : request.steps().stream().map(step -> new PolicyStep(step.group(), step.signatures()))
                .toList();
        GovernanceCommands.Target target = target(policyId);
        long version = commands.send(new DefineApprovalPolicyCommand(policyId, request.name(), steps,
                request.checklist(), actor, clock.instant(), IfMatch.version(ifMatch)), actor, target).orElseThrow();
        PolicyView shown = commands.awaitShown(PolicyProjection.PROCESSING_GROUP, target, version,
                () -> policies.find(policyId), PolicyView::sequence).orElseThrow(() -> notFound(policyId));
        return ResponseEntity.ok().eTag(IfMatch.etag(shown.sequence())).body(answer(shown, actor));
    }

    private static PolicyAnswer answer(PolicyView policy, Actor actor) {
        return new PolicyAnswer(policy, actor.may(Action.MANAGE_APPROVAL_POLICIES)
                ? Set.of(Action.MANAGE_APPROVAL_POLICIES) : Set.of());
    }

    private static GovernanceCommands.Target target(String policyId) {
        return new GovernanceCommands.Target(ApprovalPolicyDefinition.aggregateId(policyId), "policyId", policyId,
                ProblemType.POLICY_NOT_FOUND, "approval policy");
    }

    private static GovernanceCommands.NotFound notFound(String policyId) {
        return new GovernanceCommands.NotFound(ProblemType.POLICY_NOT_FOUND, "There is no approval policy '" + policyId + "'.");
    }
}
