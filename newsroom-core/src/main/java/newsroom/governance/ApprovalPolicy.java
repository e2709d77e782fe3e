package newsroom.governance;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import newsroom.channel.ChannelKind;

/**
 * Which approval steps each kind of channel requires. Data, not code: the story reads it when a
 * placement is planned or a story submitted, and the steps in force are written into the events, so a
 * later change of policy never rewrites history.
 */
public record ApprovalPolicy(Map<ChannelKind, Set<String>> stepsByChannelKind, Set<String> defaultSteps) {

    public static final String COMMUNICATIONS = "communications";
    public static final String LEGAL = "legal";

    public ApprovalPolicy {
        if (defaultSteps == null || defaultSteps.isEmpty()) {
            throw new IllegalArgumentException("an approval policy needs at least one default step");
        }
        stepsByChannelKind = Map.copyOf(stepsByChannelKind);
        defaultSteps = Set.copyOf(defaultSteps);
    }

    /** The newsroom's standard: a press release needs communications and legal; everything else one approval. */
    public static ApprovalPolicy standard() {
        Map<ChannelKind, Set<String>> steps = new EnumMap<>(ChannelKind.class);
        steps.put(ChannelKind.PRESS_RELEASE, Set.of(COMMUNICATIONS, LEGAL));
        return new ApprovalPolicy(steps, Set.of(COMMUNICATIONS));
    }

    public Set<String> stepsFor(ChannelKind kind) {
        return new TreeSet<>(stepsByChannelKind.getOrDefault(kind, defaultSteps));
    }

    /** The union of the steps the given channel kinds require; the default steps when there are none. */
    public Set<String> stepsFor(Collection<ChannelKind> kinds) {
        if (kinds.isEmpty()) {
            return new TreeSet<>(defaultSteps);
        }
        Set<String> steps = new TreeSet<>();
        kinds.forEach(kind -> steps.addAll(stepsFor(kind)));
        return steps;
    }
}
