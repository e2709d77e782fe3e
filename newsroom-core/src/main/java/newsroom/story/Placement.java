package newsroom.story;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One placement as the story's rules see it: where it stands and what it needs to go out.
 *
 * @param requiredApprovalSteps the steps its channel's policy required when it was planned
 * @param paused                held back by crisis mode: it does not go out until someone resumes or
 *                              reschedules it (its status stays {@link PlacementStatus#PLANNED})
 * @param clearedForCrisis      the crisis during which a governance lead planned, moved or resumed it: that crisis
 *                              does not pause it; null if none
 */
public record Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                        PlacementStatus status, boolean paused, String clearedForCrisis) {

    public Placement {
        requiredApprovalSteps = requiredApprovalSteps == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(requiredApprovalSteps));
    }

    /** A placement that is not paused. */
    public Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                     PlacementStatus status) {
        this(id, channelId, requiredApprovalSteps, slot, status, false, null);
    }

    Placement withSlot(Instant newSlot) {
        return new Placement(id, channelId, requiredApprovalSteps, newSlot, status, paused, clearedForCrisis);
    }

    Placement withStatus(PlacementStatus newStatus) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, newStatus, paused, clearedForCrisis);
    }

    Placement withPaused(boolean nowPaused) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, nowPaused, clearedForCrisis);
    }

    Placement clearedFor(String crisisId) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, paused, crisisId);
    }

    public boolean isPlanned() {
        return status == PlacementStatus.PLANNED;
    }

    /** Planned and paused: waits for a decision (resume, reschedule or cancel). */
    public boolean isPaused() {
        return paused && isPlanned();
    }
}
