package newsroom.story;

import java.time.Instant;

/** An attempt to deliver a published placement to its channel's system failed; another one follows. */
public record PlacementDeliveryRetryingEvent(String storyId, String placementId, String deliveryId, int attempts,
                                             String detail, Instant failedAt, Instant nextAttemptAt)
        implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
