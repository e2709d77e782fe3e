package newsroom.governance;

import java.time.Instant;
import java.util.List;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Defines the policy with this id, or its next version. Applies to stories submitted afterwards. */
public record DefineApprovalPolicyCommand(String policyId, String name, List<PolicyStep> steps, List<String> checklist,
                                          Actor definedBy, Instant definedAt,
                                          @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApprovalPolicyDefinition.aggregateId(policyId);
    }
}
