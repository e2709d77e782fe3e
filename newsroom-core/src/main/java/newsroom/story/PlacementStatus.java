package newsroom.story;

/** The life of one placement; each placement moves independently of the story's others. */
public enum PlacementStatus {
    PLANNED,
    PUBLISHED,
    CANCELLED
}
