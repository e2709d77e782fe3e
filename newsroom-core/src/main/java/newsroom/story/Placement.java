package newsroom.story;

import java.time.Instant;
import java.util.Set;

import newsroom.channel.ChannelKind;

/** The story's own view of one placement: just what its rules need. */
record Placement(String id, String channelId, ChannelKind channelKind, Set<String> requiredApprovalSteps,
                 Instant slot, PlacementStatus status) {

    Placement withSlot(Instant newSlot) {
        return new Placement(id, channelId, channelKind, requiredApprovalSteps, newSlot, status);
    }

    Placement withStatus(PlacementStatus newStatus) {
        return new Placement(id, channelId, channelKind, requiredApprovalSteps, slot, newStatus);
    }

    boolean isPlanned() {
        return status == PlacementStatus.PLANNED;
    }
}
