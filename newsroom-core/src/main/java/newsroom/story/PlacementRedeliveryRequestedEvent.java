package newsroom.story;

import java.time.Instant;

/** An editor asked for a failed delivery to be made again. */
public record PlacementRedeliveryRequestedEvent(String storyId, String placementId, String requestedBy,
                                                Instant requestedAt) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
