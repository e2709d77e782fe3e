package newsroom.story;

import java.time.Instant;

/** The channel's system accepted the published placement. */
public record PlacementDeliveredEvent(String storyId, String placementId, String deliveryId, int attempts,
                                      Instant deliveredAt) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
