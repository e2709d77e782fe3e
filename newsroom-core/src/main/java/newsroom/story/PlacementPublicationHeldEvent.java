package newsroom.story;

import java.time.Instant;

/** A due placement was not published automatically and waits for an editor (see {@link HoldPlacementCommand}). */
public record PlacementPublicationHeldEvent(String storyId, String placementId, String channelId, Instant slot,
                                            String rule, String reason, String heldBy, Instant heldAt)
        implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
