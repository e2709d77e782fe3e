package newsroom.story;

import java.time.Instant;
import java.util.Objects;

import newsroom.governance.ApprovalPolicy;

/**
 * The newsroom-wide facts a story decision depends on besides the story and the person: the moment it is taken
 * (the embargo rule, slots that passed), the approval policy in force (which group signs which step) and the
 * {@link Restraints} (crisis mode, quiet periods). Every caller (the aggregate and {@link StoryActions}) passes
 * them the same way.
 */
public record Circumstances(Instant now, ApprovalPolicy policy, Restraints restraints) {

    public Circumstances {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
        restraints = restraints == null ? Restraints.NONE : restraints;
    }

    public Circumstances(Instant now, ApprovalPolicy policy) {
        this(now, policy, Restraints.NONE);
    }

    /** At this moment under this policy, with no crisis and no quiet period. */
    public static Circumstances at(Instant now, ApprovalPolicy policy) {
        return new Circumstances(now, policy, Restraints.NONE);
    }

    public Circumstances with(Restraints inForce) {
        return new Circumstances(now, policy, inForce);
    }
}
