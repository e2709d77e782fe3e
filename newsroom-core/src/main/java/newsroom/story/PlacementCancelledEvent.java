package newsroom.story;

/** A placement was taken off the calendar. */
public record PlacementCancelledEvent(String storyId, String placementId, String reason, String cancelledBy) implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
