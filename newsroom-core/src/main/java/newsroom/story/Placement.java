package newsroom.story;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One placement as the story's rules see it: where it stands and what it needs to go out.
 *
 * @param requiredApprovalSteps the steps its channel's policy required when it was planned
 */
public record Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                        PlacementStatus status) {

    public Placement {
        requiredApprovalSteps = requiredApprovalSteps == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(requiredApprovalSteps));
    }

    Placement withSlot(Instant newSlot) {
        return new Placement(id, channelId, requiredApprovalSteps, newSlot, status);
    }

    Placement withSteps(Set<String> steps) {
        return new Placement(id, channelId, steps, slot, status);
    }

    Placement withStatus(PlacementStatus newStatus) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, newStatus);
    }

    public boolean isPlanned() {
        return status == PlacementStatus.PLANNED;
    }
}
