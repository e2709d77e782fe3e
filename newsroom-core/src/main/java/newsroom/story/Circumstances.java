package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;

/**
 * The newsroom-wide facts a story decision depends on besides the story and the person: the moment it is taken
 * (the embargo rule, slots that passed), the approval policy in force (which group signs which step of a story
 * submitted before policies were versioned), the signing delegations the person holds (a delegate signs on a
 * lead's behalf) and the {@link Restraints} (crisis mode, quiet periods). Every caller (the aggregate and
 * {@link StoryActions}) passes them the same way.
 *
 * @param delegations delegations naming the person as delegate; only those in force at {@code now} count
 * @param restraints  crisis mode and the quiet periods in force; {@link Restraints#NONE} when not given
 */
public record Circumstances(Instant now, ApprovalPolicy policy, List<Delegation> delegations, Restraints restraints) {

    public Circumstances {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
        restraints = restraints == null ? Restraints.NONE : restraints;
    }

    public Circumstances(Instant now, ApprovalPolicy policy, List<Delegation> delegations) {
        this(now, policy, delegations, Restraints.NONE);
    }

    public Circumstances(Instant now, ApprovalPolicy policy, Restraints restraints) {
        this(now, policy, List.of(), restraints);
    }

    public Circumstances(Instant now, ApprovalPolicy policy) {
        this(now, policy, List.of(), Restraints.NONE);
    }

    /** At this moment under this policy, with no delegation, no crisis and no quiet period. */
    public static Circumstances at(Instant now, ApprovalPolicy policy) {
        return new Circumstances(now, policy);
    }

    public Circumstances withDelegations(List<Delegation> held) {
        return new Circumstances(now, policy, held, restraints);
    }

    public Circumstances with(Restraints inForce) {
        return new Circumstances(now, policy, delegations, inForce);
    }

    /** The delegations to this person in force now. */
    List<Delegation> delegationsHeldBy(String username) {
        return delegations.stream()
                .filter(delegation -> delegation.delegate().equals(username) && delegation.coversAt(now))
                .toList();
    }
}
