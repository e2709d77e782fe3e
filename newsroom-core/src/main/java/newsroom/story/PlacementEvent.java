package newsroom.story;

/** A story event about one of its placements. */
public sealed interface PlacementEvent extends StoryEvent
        permits PlacementPlannedEvent, PlacementRescheduledEvent, PlacementCancelledEvent, PlacementPublishedEvent,
        PlacementPausedEvent, PlacementResumedEvent, PlacementClearedDuringCrisisEvent {

    String placementId();
}
