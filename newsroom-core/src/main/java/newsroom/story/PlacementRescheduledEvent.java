package newsroom.story;

import java.time.Instant;

/** A placement moved to another slot. */
public record PlacementRescheduledEvent(String storyId, String placementId, Instant previousSlot, Instant slot, String rescheduledBy) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
