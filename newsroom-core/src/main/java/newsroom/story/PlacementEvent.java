package newsroom.story;

/** A story event about one of its placements. */
public sealed interface PlacementEvent extends StoryEvent
        permits PlacementPlannedEvent, PlacementRescheduledEvent, PlacementCancelledEvent, PlacementPublishedEvent,
        PlacementPublicationHeldEvent, PlacementDeliveryRetryingEvent, PlacementDeliveredEvent,
        PlacementDeliveryFailedEvent, PlacementRedeliveryRequestedEvent,
        PlacementPausedEvent, PlacementResumedEvent, PlacementClearedDuringCrisisEvent {

    String placementId();
}
