package newsroom.governance;

import static newsroom.governance.GovernanceRuleViolation.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import newsroom.people.Action;
import newsroom.people.GroupNames;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An approval policy as versioned data: each definition is a new version with its steps (group + distinct
 * signatures) and guideline checklist. Stories record the version that applied when they were submitted, so a
 * new version never changes a story already in review.
 */
public class ApprovalPolicyDefinition {

    /** The policy every channel without its own uses, and a story without placements. */
    public static final String DEFAULT_POLICY = "default";
    public static final int MAX_SIGNATURES = 5;
    public static final int MAX_CHECKLIST_ITEMS = 10;
    public static final int MAX_CHECKLIST_ITEM_LENGTH = 200;

    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @AggregateIdentifier
    private String aggregateId;
    private ApprovalPolicyDefinedEvent current;

    protected ApprovalPolicyDefinition() {
        // for Axon
    }

    /** Policies share the event store with other aggregates; the prefix keeps a policy id from colliding. */
    public static String aggregateId(String policyId) {
        return "policy:" + policyId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineApprovalPolicyCommand command) {
        if (!command.definedBy().may(Action.MANAGE_APPROVAL_POLICIES)) {
            throw new MissingRole(Action.MANAGE_APPROVAL_POLICIES, command.definedBy());
        }
        checkDefinition(command.policyId(), command.steps(), command.checklist());
        String name = command.name() == null || command.name().isBlank() ? command.policyId() : command.name().strip();
        List<String> checklist = command.checklist() == null ? List.of()
                : command.checklist().stream().map(String::strip).toList();
        if (current != null && current.name().equals(name) && current.steps().equals(command.steps())
                && current.checklist().equals(checklist)) {
            return; // nothing changed: no new version
        }
        long version = current == null ? 1 : current.version() + 1;
        apply(new ApprovalPolicyDefinedEvent(command.policyId(), version, name, List.copyOf(command.steps()),
                checklist, command.definedBy().username(), command.definedAt()));
    }

    /** The rules of a policy's shape, in the order a person would fix them. */
    static void checkDefinition(String policyId, List<PolicyStep> steps, List<String> checklist) {
        check(policyId != null && POLICY_ID.matcher(policyId).matches(), GovernanceRule.POLICY_ID_FORMAT,
                "'" + policyId + "' is not a policy id, e.g. press-release");
        check(steps != null && !steps.isEmpty(), GovernanceRule.POLICY_NEEDS_A_STEP, "the policy has no step");
        Set<String> groups = new HashSet<>();
        for (PolicyStep step : steps) {
            check(GroupNames.isValid(step.group()), GovernanceRule.STEP_GROUP_FORMAT,
                    "'" + step.group() + "' is not a group name, e.g. legal");
            check(groups.add(step.group()), GovernanceRule.STEP_GROUP_REPEATED,
                    "the group '" + step.group() + "' signs two steps");
            check(step.signatures() >= 1 && step.signatures() <= MAX_SIGNATURES, GovernanceRule.SIGNATURES_AT_LEAST_ONE,
                    "step '" + step.group() + "' asks for " + step.signatures() + " signatures");
        }
        if (checklist != null) {
            check(checklist.size() <= MAX_CHECKLIST_ITEMS, GovernanceRule.CHECKLIST_ITEM_INVALID,
                    checklist.size() + " checklist items");
            Set<String> items = new HashSet<>();
            for (String item : checklist) {
                String stripped = item == null ? "" : item.strip();
                check(!stripped.isEmpty() && stripped.length() <= MAX_CHECKLIST_ITEM_LENGTH && items.add(stripped),
                        GovernanceRule.CHECKLIST_ITEM_INVALID, "checklist item '" + item + "' is empty, too long or repeated");
            }
        }
    }

    @EventSourcingHandler
    void on(ApprovalPolicyDefinedEvent event) {
        aggregateId = aggregateId(event.policyId());
        current = event;
    }
}
