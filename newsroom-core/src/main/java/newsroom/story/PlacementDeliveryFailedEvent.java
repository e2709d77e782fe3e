package newsroom.story;

import java.time.Instant;

/** Every attempt to deliver the published placement failed; an editor may redeliver it. */
public record PlacementDeliveryFailedEvent(String storyId, String placementId, String channelId, String deliveryId,
                                           int attempts, String detail, Instant failedAt) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
