package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;
import newsroom.people.Actor;

/**
 * The newsroom-wide facts a story decision depends on besides the story and the person: the moment it is taken
 * (the embargo rule, slots that passed), the approval policy in force (which group signs which step of a story
 * submitted before policies were versioned), the signing delegations the person holds (a delegate signs on a
 * lead's behalf) and the {@link Restraints} (crisis mode, quiet periods). Every caller (the aggregate and
 * {@link StoryActions}) passes them the same way.
 *
 * @param delegations delegations naming the person as delegate; only those in force at {@code now} count
 * @param delegators  the delegators of those delegations as their accounts stand now (enabled accounts only): a
 *                    delegation counts only while its lead may still sign for its group
 * @param restraints  crisis mode and the quiet periods in force; {@link Restraints#NONE} when not given
 */
public record Circumstances(Instant now, ApprovalPolicy policy, List<Delegation> delegations,
                            Map<String, Actor> delegators, Restraints restraints) {

    public Circumstances {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
        delegators = delegators == null ? Map.of() : Map.copyOf(delegators);
        restraints = restraints == null ? Restraints.NONE : restraints;
    }

    public Circumstances(Instant now, ApprovalPolicy policy, List<Delegation> delegations, Map<String, Actor> delegators) {
        this(now, policy, delegations, delegators, Restraints.NONE);
    }

    public Circumstances(Instant now, ApprovalPolicy policy, Restraints restraints) {
        this(now, policy, List.of(), Map.of(), restraints);
    }

    public Circumstances(Instant now, ApprovalPolicy policy) {
        this(now, policy, List.of(), Map.of(), Restraints.NONE);
    }

    /** At this moment under this policy, with no delegation, no crisis and no quiet period. */
    public static Circumstances at(Instant now, ApprovalPolicy policy) {
        return new Circumstances(now, policy);
    }

    public Circumstances with(Restraints inForce) {
        return new Circumstances(now, policy, delegations, delegators, inForce);
    }

    /** The delegations to this person in force now: in their period, and their lead still signs for the group. */
    List<Delegation> delegationsHeldBy(String username) {
        return delegations.stream()
                .filter(delegation -> delegation.delegate().equals(username)
                        && delegation.inForceAt(now, delegators.get(delegation.delegator())))
                .toList();
    }
}
