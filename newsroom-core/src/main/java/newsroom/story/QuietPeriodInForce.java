package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule {@link StoryRule#QUIET_PERIOD_IN_FORCE}, refused with what a client needs to act on it: the placement,
 * its channel, the moment the command was for, and every quiet period that holds it then (none overridden for it).
 */
public class QuietPeriodInForce extends StoryRuleViolation {

    private final String placementId;
    private final String channelId;
    private final Instant at;
    private final List<QuietPeriodHold> holds;

    public QuietPeriodInForce(String action, String placementId, String channelId, Instant at,
                              List<QuietPeriodHold> holds) {
        super(StoryRule.QUIET_PERIOD_IN_FORCE, "cannot " + action + " placement " + placementId + " on " + channelId
                + " at " + at + ": inside the quiet period" + (holds.size() == 1 ? " " : "s ") + holds.stream()
                .map(hold -> "'" + hold.period().name() + "' (" + hold.period().blackoutId() + ", "
                        + hold.period().startsAt() + " to " + hold.period().endsAt() + ")")
                .collect(Collectors.joining(", "))
                + " unless a governance lead overrides " + (holds.size() == 1 ? "it" : "them") + " for this placement");
        this.placementId = placementId;
        this.channelId = channelId;
        this.at = at;
        this.holds = List.copyOf(holds);
    }

    public String placementId() {
        return placementId;
    }

    public String channelId() {
        return channelId;
    }

    /** The slot asked for (planning, moving) or the moment of publishing. */
    public Instant at() {
        return at;
    }

    /** At least one; in the order the quiet periods are in force. */
    public List<QuietPeriodHold> holds() {
        return holds;
    }
}
