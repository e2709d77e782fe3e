package newsroom.story;

import java.time.Instant;
import java.util.Objects;

import newsroom.governance.ApprovalPolicy;

/**
 * The newsroom-wide facts a story decision depends on besides the story and the person: the moment it is taken
 * (the embargo rule) and the approval policy in force (which group signs which step). Newsroom-wide switches such
 * as crisis mode or the quiet periods in force belong here too, so a rule that needs them is added to
 * {@link StoryRules} and every caller (the aggregate and {@link StoryActions}) passes them the same way.
 */
public record Circumstances(Instant now, ApprovalPolicy policy) {

    public Circumstances {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(policy, "policy");
    }

    public static Circumstances at(Instant now, ApprovalPolicy policy) {
        return new Circumstances(now, policy);
    }
}
