package newsroom.api.governance;

import java.time.Instant;
import java.util.List;

import newsroom.governance.PolicyStep;
import newsroom.governance.PolicyTerms;

/**
 * An approval policy as the API shows it: the current version and every earlier one (a story names the version
 * it was submitted under, so each stays readable).
 *
 * @param sequence the aggregate sequence number of the last applied event (idempotency, read-your-writes)
 */
public record PolicyView(String policyId, long version, String name, List<PolicyStep> steps, List<String> checklist,
                         String definedBy, Instant definedAt, List<Version> versions, long sequence) {

    /** One version as it was defined. */
    public record Version(long version, String name, List<PolicyStep> steps, List<String> checklist, String definedBy,
                          Instant definedAt) {
    }

    public PolicyTerms terms() {
        return new PolicyTerms(policyId, version, name, steps, checklist);
    }
}
