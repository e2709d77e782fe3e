package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;

/**
 * The newsroom-wide facts a story decision depends on besides the story and the person: the moment it is taken
 * (the embargo rule), the approval policy in force (which group signs which step of a story submitted before
 * policies were versioned) and the signing delegations the person holds (a delegate signs on a lead's behalf).
 * Newsroom-wide switches such as crisis mode or the quiet periods in force belong here too, so a rule that needs
 * them is added to {@link StoryRules} and every caller (the aggregate and {@link StoryActions}) passes them the
 * same way.
 *
 * @param delegations delegations naming the person as delegate; only those in force at {@code now} count
 */
public record Circumstances(Instant now, ApprovalPolicy policy, List<Delegation> delegations) {

    public Circumstances {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
    }

    public Circumstances(Instant now, ApprovalPolicy policy) {
        this(now, policy, List.of());
    }

    public static Circumstances at(Instant now, ApprovalPolicy policy) {
        return new Circumstances(now, policy, List.of());
    }

    public Circumstances withDelegations(List<Delegation> held) {
        return new Circumstances(now, policy, held);
    }

    /** The delegations to this person in force now. */
    List<Delegation> delegationsHeldBy(String username) {
        return delegations.stream()
                .filter(delegation -> delegation.delegate().equals(username) && delegation.coversAt(now))
                .toList();
    }
}
