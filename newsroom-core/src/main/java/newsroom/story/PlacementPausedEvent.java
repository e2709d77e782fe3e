package newsroom.story;

import java.time.Instant;

/** Crisis mode held a scheduled placement back: it does not go out until it is resumed or rescheduled. */
public record PlacementPausedEvent(String storyId, String placementId, String crisisId, String reason, String pausedBy,
                                   Instant pausedAt) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
