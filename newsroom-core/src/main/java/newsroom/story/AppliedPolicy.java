package newsroom.story;

import java.util.List;

import newsroom.governance.PolicyStep;
import newsroom.governance.PolicyTerms;

/**
 * One approval policy version as it applied to a submitted story, in full (steps and checklist), with the
 * placements it applied to (none: the story had no planned placement and the default policy applied).
 */
public record AppliedPolicy(String policyId, long version, String name, List<PolicyStep> steps, List<String> checklist,
                            List<String> placementIds) {

    public AppliedPolicy {
        steps = List.copyOf(steps);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
        placementIds = placementIds == null ? List.of() : List.copyOf(placementIds);
    }

    static AppliedPolicy of(PolicyTerms terms, List<String> placementIds) {
        return new AppliedPolicy(terms.policyId(), terms.version(), terms.name(), terms.steps(), terms.checklist(),
                placementIds);
    }

    public PolicyVersion policyVersion() {
        return new PolicyVersion(policyId, version);
    }
}
