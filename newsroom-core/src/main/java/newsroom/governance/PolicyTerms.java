package newsroom.governance;

import java.util.List;
import java.util.Objects;

/**
 * One version of an approval policy, as it applies to a story: its steps and the guideline checklist an approver
 * confirms. Recorded in full in the story's events, so what applied stays readable whatever the policy becomes.
 */
public record PolicyTerms(String policyId, long version, String name, List<PolicyStep> steps, List<String> checklist) {

    public PolicyTerms {
        Objects.requireNonNull(policyId, "policyId");
        steps = List.copyOf(steps);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
}
