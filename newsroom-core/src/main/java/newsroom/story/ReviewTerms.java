package newsroom.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import newsroom.governance.PolicyStep;

/**
 * The approval policy versions that applied at the story's last submission. A step is named after the group that
 * signs it; when two applied policies both have it, the larger number of signatures counts. The checklist is every
 * item of every applied policy, once, in order.
 */
public record ReviewTerms(List<AppliedPolicy> policies) {

    public ReviewTerms {
        policies = List.copyOf(policies);
    }

    /** How many distinct members must sign the step. */
    public int signaturesFor(String step) {
        return policies.stream().flatMap(policy -> policy.steps().stream())
                .filter(candidate -> candidate.group().equals(step))
                .mapToInt(PolicyStep::signatures).max().orElse(1);
    }

    public List<String> checklist() {
        Set<String> items = new LinkedHashSet<>();
        policies.forEach(policy -> items.addAll(policy.checklist()));
        return new ArrayList<>(items);
    }

    public List<PolicyVersion> versions() {
        return policies.stream().map(AppliedPolicy::policyVersion).toList();
    }

    /** The steps of the policy that applied to the placement; empty when none named it. */
    public Optional<Set<String>> stepsFor(String placementId) {
        return policies.stream().filter(policy -> policy.placementIds().contains(placementId)).findFirst()
                .map(ReviewTerms::steps);
    }

    public Set<String> allSteps() {
        Set<String> steps = new TreeSet<>();
        policies.forEach(policy -> steps.addAll(steps(policy)));
        return steps;
    }

    private static Set<String> steps(AppliedPolicy policy) {
        Set<String> steps = new TreeSet<>();
        policy.steps().forEach(step -> steps.add(step.group()));
        return steps;
    }
}
