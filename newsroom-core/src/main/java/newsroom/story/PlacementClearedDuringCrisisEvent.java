package newsroom.story;

/**
 * A governance lead planned, moved or resumed this placement while crisis {@code crisisId} was on: it is scheduled by
 * that decision, so the crisis does not pause it (also when its pausing reaches the story later).
 */
public record PlacementClearedDuringCrisisEvent(String storyId, String placementId, String crisisId, String clearedBy)
        implements PlacementEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
