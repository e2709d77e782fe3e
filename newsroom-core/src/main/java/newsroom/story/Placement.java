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
 */
public record Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                        PlacementStatus status, DeliveryStatus delivery, String heldFor) {

    public Placement {
        requiredApprovalSteps = requiredApprovalSteps == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(requiredApprovalSteps));
        delivery = delivery == null ? DeliveryStatus.NONE : delivery;
    }

    /** A placement nothing has been delivered for and nothing holds. */
    public Placement(String id, String channelId, Set<String> requiredApprovalSteps, Instant slot,
                     PlacementStatus status) {
        this(id, channelId, requiredApprovalSteps, slot, status, DeliveryStatus.NONE, null);
    }

    Placement withSlot(Instant newSlot) {
        // a new slot is a new decision by an editor: whatever held the old one no longer does
        return new Placement(id, channelId, requiredApprovalSteps, newSlot, status, delivery, null);
    }

    Placement withSteps(Set<String> steps) {
        return new Placement(id, channelId, steps, slot, status);
    }

    Placement withStatus(PlacementStatus newStatus) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, newStatus, delivery, heldFor);
    }

    Placement withDelivery(DeliveryStatus newDelivery) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, newDelivery, heldFor);
    }

    Placement heldFor(String rule) {
        return new Placement(id, channelId, requiredApprovalSteps, slot, status, delivery, rule);
    }

    public boolean isPlanned() {
        return status == PlacementStatus.PLANNED;
    }
}
