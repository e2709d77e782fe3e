package newsroom.governance;

import java.time.Instant;
import java.util.List;

/** A version of an approval policy was defined; version 1 creates it. */
public record ApprovalPolicyDefinedEvent(String policyId, long version, String name, List<PolicyStep> steps,
                                         List<String> checklist, String definedBy, Instant definedAt) {

    public PolicyTerms terms() {
        return new PolicyTerms(policyId, version, name, steps, checklist);
    }
}
