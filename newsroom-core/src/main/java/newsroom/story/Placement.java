package newsroom.story;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One placement as the story's rules see it: where it stands and what it needs to go out.
 *
 * @param requiredApprovalSteps the steps its channel's policy required when it was planned
 * @param delivery              how its delivery to the channel's system stands once published
 * @param heldFor               why automatic publication holds it for an editor (a rule name), or null
 * @param paused                held back by crisis mode: it does not go out until someone resumes or
 *                              reschedules it (its status stays {@link PlacementStatus#PLANNED})
 * @param clearedForCrisis      the crisis during which a governance lead planned, moved or resumed it: that crisis
 *                              does not pause it; null if none
 * @param writtenBy             who wrote its channel text (who planned it): they do not approve it (four eyes); null
 *                              where unknown
 */
public record Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                        PlacementStatus status, DeliveryStatus delivery, String heldFor,
                        boolean paused, String clearedForCrisis, String writtenBy) {

    public Placement {
        requiredApprovalSteps = requiredApprovalSteps == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(requiredApprovalSteps));
        delivery = delivery == null ? DeliveryStatus.NONE : delivery;
    }

    /** A placement whose writer is not known here. */
    public Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                     PlacementStatus status, DeliveryStatus delivery, String heldFor, boolean paused,
                     String clearedForCrisis) {
        this(id, channelId, requiredApprovalSteps, slot, status, delivery, heldFor, paused, clearedForCrisis, null);
    }

    /** A placement nothing has been delivered for, nothing holds and crisis mode did not pause. */
    public Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                     PlacementStatus status) {
        this(id, channelId, requiredApprovalSteps, slot, status, DeliveryStatus.NONE, null, false, null, null);
    }

    /** A placement crisis mode did not pause. */
    public Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                     PlacementStatus status, DeliveryStatus delivery, String heldFor) {
        this(id, channelId, requiredApprovalSteps, slot, status, delivery, heldFor, false, null, null);
    }

    /** A placement nothing has been delivered for and automatic publication does not hold. */
    public Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                     PlacementStatus status, boolean paused, String clearedForCrisis) {
        this(id, channelId, requiredApprovalSteps, slot, status, DeliveryStatus.NONE, null, paused, clearedForCrisis, null);
    }

    Placement withSlot(Instant newSlot) {
        // a new slot is a new decision by an editor: whatever held the old one no longer does
        return new Placement(id, channelId, requiredApprovalSteps, newSlot, status, delivery, null,
                paused, clearedForCrisis, writtenBy);
    }

    Placement withSteps(Set<String> steps) {
        return new Placement(id, channelId, steps, slot, status, delivery, heldFor, paused, clearedForCrisis, writtenBy);
    }

    Placement withStatus(PlacementStatus newStatus) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, newStatus, delivery, heldFor,
                paused, clearedForCrisis, writtenBy);
    }

    Placement withDelivery(DeliveryStatus newDelivery) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, newDelivery, heldFor,
                paused, clearedForCrisis, writtenBy);
    }

    Placement heldFor(String rule) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, delivery, rule,
                paused, clearedForCrisis, writtenBy);
    }

    Placement withPaused(boolean nowPaused) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, delivery, heldFor,
                nowPaused, clearedForCrisis, writtenBy);
    }

    Placement clearedFor(String crisisId) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, delivery, heldFor,
                paused, crisisId, writtenBy);
    }

    public boolean isPlanned() {
        return status == PlacementStatus.PLANNED;
    }

    /** Planned and paused: waits for a decision (resume, reschedule or cancel). */
    public boolean isPaused() {
        return paused && isPlanned();
    }
}
