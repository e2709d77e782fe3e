package newsroom.governance;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import newsroom.channel.ChannelKind;

/**
 * Which approval steps each kind of channel requires, and which group signs each step. Data, not code: the
 * story reads it when a placement is planned or a story submitted, and the steps in force are written into the
 * events, so a later change of policy never rewrites history. Who may sign a step is decided when they sign,
 * from {@link #signingGroup(String)}: only members of the step's group do.
 *
 * @param signingGroups for each step, the group whose members may sign it
 */
public record ApprovalPolicy(Map<ChannelKind, Set<String>> stepsByChannelKind, Set<String> defaultSteps,
                             Map<String, String> signingGroups) {

    public static final String COMMUNICATIONS = "communications";
    public static final String LEGAL = "legal";

    public ApprovalPolicy {
        if (defaultSteps == null || defaultSteps.isEmpty()) {
            throw new IllegalArgumentException("an approval policy needs at least one default step");
        }
        stepsByChannelKind = Map.copyOf(stepsByChannelKind);
        defaultSteps = Set.copyOf(defaultSteps);
        signingGroups = Map.copyOf(signingGroups);
        Set<String> steps = new TreeSet<>(defaultSteps);
        stepsByChannelKind.values().forEach(steps::addAll);
        steps.removeAll(signingGroups.keySet());
        if (!steps.isEmpty()) {
            throw new IllegalArgumentException("no group signs the approval steps " + steps);
        }
    }

    /**
     * The newsroom's standard: a press release needs communications and legal; everything else one approval by
     * communications. The communications group signs the communications step, the legal group the legal step.
     */
    public static ApprovalPolicy standard() {
        Map<ChannelKind, Set<String>> steps = new EnumMap<>(ChannelKind.class);
        steps.put(ChannelKind.PRESS_RELEASE, Set.of(COMMUNICATIONS, LEGAL));
        return new ApprovalPolicy(steps, Set.of(COMMUNICATIONS), Map.of(COMMUNICATIONS, COMMUNICATIONS, LEGAL, LEGAL));
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

    /** The group whose members may sign the step; none for a step this policy does not know. */
    public Optional<String> signingGroup(String step) {
        return Optional.ofNullable(signingGroups.get(step));
    }
}
