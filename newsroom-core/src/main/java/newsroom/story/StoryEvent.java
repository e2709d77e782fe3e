package newsroom.story;

/**
 * Every event of the {@link Story} aggregate. Sealed, so the set is closed: a read model folds story
 * events through {@link Visitor}, and the compiler points at every fold when an event is added.
 */
public sealed interface StoryEvent permits StoryPitchedEvent, PitchAcceptedEvent, PitchDeclinedEvent,
        DraftEditedEvent, StoryAssignedEvent, StorySubmittedEvent, ApprovalGrantedEvent,
        ApprovalPoliciesAppliedEvent, ApprovalAttestedEvent, StoryApprovedEvent,
        ChangesRequestedEvent, ApprovalWithdrawnEvent, StoryKilledEvent, StoryCommentedEvent, PlacementEvent,
        QuietPeriodOverriddenEvent {

    String storyId();

    <R> R accept(Visitor<R> visitor);

    /** One method per story event; Java 17 has no exhaustive pattern switch, this is its stand-in. */
    interface Visitor<R> {

        R on(StoryPitchedEvent event);

        R on(PitchAcceptedEvent event);

        R on(PitchDeclinedEvent event);

        R on(DraftEditedEvent event);

        R on(StoryAssignedEvent event);

        R on(StorySubmittedEvent event);

        R on(ApprovalGrantedEvent event);

        R on(ApprovalPoliciesAppliedEvent event);

        R on(ApprovalAttestedEvent event);

        R on(StoryApprovedEvent event);

        R on(ChangesRequestedEvent event);

        R on(ApprovalWithdrawnEvent event);

        R on(PlacementPlannedEvent event);

        R on(PlacementRescheduledEvent event);

        R on(PlacementCancelledEvent event);

        R on(PlacementPublishedEvent event);

        R on(PlacementPublicationHeldEvent event);

        R on(PlacementDeliveryRetryingEvent event);

        R on(PlacementDeliveredEvent event);

        R on(PlacementDeliveryFailedEvent event);

        R on(PlacementRedeliveryRequestedEvent event);

        R on(StoryKilledEvent event);

        R on(StoryCommentedEvent event);

        R on(QuietPeriodOverriddenEvent event);

        R on(PlacementPausedEvent event);

        R on(PlacementResumedEvent event);

        R on(PlacementClearedDuringCrisisEvent event);
    }
}
