package newsroom.api.story;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import newsroom.story.ApprovalAttestedEvent;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalPoliciesAppliedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.DraftEditedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PitchDeclinedEvent;
import newsroom.story.PlacementCancelledEvent;
import newsroom.story.PlacementClearedDuringCrisisEvent;
import newsroom.story.PlacementPausedEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.DeliveryStatus;
import newsroom.story.PlacementDeliveredEvent;
import newsroom.story.PlacementDeliveryFailedEvent;
import newsroom.story.PlacementDeliveryRetryingEvent;
import newsroom.story.PlacementPublicationHeldEvent;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRedeliveryRequestedEvent;
import newsroom.story.PlacementRescheduledEvent;
import newsroom.story.PlacementResumedEvent;
import newsroom.story.PlacementStatus;
import newsroom.story.QuietPeriodOverriddenEvent;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryAssignedEvent;
import newsroom.story.StoryCommentedEvent;
import newsroom.story.StoryEvent;
import newsroom.story.StoryKilledEvent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StoryStatus;
import newsroom.story.StorySubmittedEvent;

/**
 * Folds one story event into a {@link StoryView}. Pure and shared: the stories read model and the
 * calendar each keep their own copy of the view and apply events with this, so both read the events
 * the same way.
 */
public final class StoryViewUpdater {

    private StoryViewUpdater() {
    }

    /**
     * Applies the event if it is newer than the view.
     *
     * @param view the current view; null before the story's first event
     * @return the view after the event (a new one for {@code StoryPitched}); the same view when the
     *         event was already applied; null if the story has no view yet
     */
    public static StoryView apply(StoryView view, StoryEvent event, long seq, Instant at) {
        if (event instanceof StoryPitchedEvent pitched) {
            return view != null ? view : pitched(pitched, seq, at);
        }
        if (view == null || seq <= view.version) {
            return view;
        }
        event.accept(new Change(view, at));
        view.version = seq;
        view.updatedAt = at;
        view.nextSlot = view.placements.stream()
                .filter(placement -> placement.status == PlacementStatus.PLANNED)
                .map(placement -> placement.slot)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        view.fullyPublished = StoryStateMapper.stateOf(view).isFullyPublished();
        return view;
    }

    private static StoryView pitched(StoryPitchedEvent event, long seq, Instant at) {
        StoryView view = new StoryView();
        view.storyId = event.storyId();
        view.version = seq;
        view.status = StoryStatus.PITCHED;
        view.applyContent(event.content());
        view.pitchedBy = event.pitchedBy();
        view.pitchedAt = event.pitchedAt();
        view.lastEditedBy = event.pitchedBy();
        view.contentVersion = 1;
        view.updatedAt = at;
        return view;
    }

    /** One method per event type: the whole mapping from events to the view reads in one place. */
    private record Change(StoryView view, Instant at) implements StoryEvent.Visitor<Void> {

        @Override
        public Void on(StoryPitchedEvent event) {
            return null; // a story is pitched once; handled before a view exists
        }

        @Override
        public Void on(PitchAcceptedEvent event) {
            view.status = StoryStatus.IN_PROGRESS;
            if (event.assignee() != null) {
                view.assignee = event.assignee();
            }
            return null;
        }

        @Override
        public Void on(PitchDeclinedEvent event) {
            view.status = StoryStatus.DECLINED;
            view.lastFeedback = event.reason();
            return null;
        }

        @Override
        public Void on(DraftEditedEvent event) {
            view.applyContent(event.content());
            view.lastEditedBy = event.editedBy();
            view.contentVersion = event.contentVersion();
            return null;
        }

        @Override
        public Void on(StoryAssignedEvent event) {
            view.assignee = event.assignee();
            return null;
        }

        @Override
        public Void on(StorySubmittedEvent event) {
            view.status = StoryStatus.IN_REVIEW;
            clearReview();
            view.approvalPolicies.clear(); // the policies of this submission follow in their own event
            view.requiredApprovalSteps.addAll(event.requiredSteps());
            view.pendingApprovalSteps.addAll(event.requiredSteps());
            return null;
        }

        @Override
        public Void on(ApprovalGrantedEvent event) {
            view.approvals.add(new StoryView.ApprovalView(event.step(), event.approvedBy(), event.contentVersion(), at,
                    null, List.of(), List.of()));
            view.pendingApprovalSteps.clear();
            view.pendingApprovalSteps.addAll(event.pendingSteps());
            return null;
        }

        @Override
        public Void on(ApprovalPoliciesAppliedEvent event) {
            view.approvalPolicies.clear();
            view.approvalPolicies.addAll(event.policies());
            event.policies().forEach(policy -> policy.placementIds().forEach(placementId -> {
                StoryView.PlacementView placement = view.placement(placementId);
                placement.requiredApprovalSteps.clear();
                policy.steps().forEach(step -> placement.requiredApprovalSteps.add(step.group()));
            }));
            return null;
        }

        @Override
        public Void on(ApprovalAttestedEvent event) {
            for (int i = view.approvals.size() - 1; i >= 0; i--) {
                StoryView.ApprovalView approval = view.approvals.get(i);
                if (approval.step().equals(event.step()) && approval.approvedBy().equals(event.approvedBy())) {
                    view.approvals.set(i, approval.attested(event));
                    return null;
                }
            }
            return null;
        }

        @Override
        public Void on(StoryApprovedEvent event) {
            view.status = StoryStatus.APPROVED;
            view.pendingApprovalSteps.clear();
            view.lastApprovedContent = StoryView.ApprovedContent.of(view, event.contentVersion());
            return null;
        }

        @Override
        public Void on(ChangesRequestedEvent event) {
            view.status = StoryStatus.IN_PROGRESS;
            view.lastFeedback = event.comment();
            clearReview();
            return null;
        }

        @Override
        public Void on(ApprovalWithdrawnEvent event) {
            view.status = StoryStatus.IN_PROGRESS;
            clearReview();
            return null;
        }

        @Override
        public Void on(PlacementPlannedEvent event) {
            StoryView.PlacementView placement = new StoryView.PlacementView();
            placement.placementId = event.placementId();
            placement.channelId = event.channelId();
            placement.channelName = event.channelName();
            placement.channelKind = event.channelKind().name();
            placement.slot = event.slot();
            placement.text = event.text();
            placement.status = PlacementStatus.PLANNED;
            placement.requiredApprovalSteps.addAll(event.requiredApprovalSteps());
            placement.plannedBy = event.plannedBy();
            view.placements.add(placement);
            view.lastEditedBy = event.plannedBy();
            view.contentVersion = event.contentVersion();
            return null;
        }

        @Override
        public Void on(PlacementRescheduledEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.slot = event.slot();
            placement.heldFor = null;
            placement.heldReason = null;
            return null;
        }

        @Override
        public Void on(PlacementCancelledEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.status = PlacementStatus.CANCELLED;
            placement.cancelReason = event.reason();
            return null;
        }

        @Override
        public Void on(PlacementPublishedEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.status = PlacementStatus.PUBLISHED;
            placement.publishedBy = event.publishedBy();
            placement.publishedAt = event.publishedAt();
            placement.missedSlot = event.missedSlot();
            placement.heldFor = null;
            placement.heldReason = null;
            return null;
        }

        @Override
        public Void on(PlacementPublicationHeldEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.heldFor = event.rule();
            placement.heldReason = event.reason();
            return null;
        }

        @Override
        public Void on(PlacementDeliveryRetryingEvent event) {
            delivery(event.placementId(), DeliveryStatus.RETRYING, event.attempts(), event.detail());
            return null;
        }

        @Override
        public Void on(PlacementDeliveredEvent event) {
            StoryView.PlacementView placement = delivery(event.placementId(), DeliveryStatus.DELIVERED,
                    event.attempts(), null);
            placement.deliveredAt = event.deliveredAt();
            return null;
        }

        @Override
        public Void on(PlacementDeliveryFailedEvent event) {
            delivery(event.placementId(), DeliveryStatus.FAILED, event.attempts(), event.detail());
            return null;
        }

        @Override
        public Void on(PlacementRedeliveryRequestedEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.delivery = DeliveryStatus.PENDING;
            return null;
        }

        private StoryView.PlacementView delivery(String placementId, DeliveryStatus status, int attempts,
                                                 String detail) {
            StoryView.PlacementView placement = view.placement(placementId);
            placement.delivery = status;
            placement.deliveryAttempts = attempts;
            placement.deliveryDetail = detail;
            return placement;
        }

        @Override
        public Void on(StoryKilledEvent event) {
            view.status = StoryStatus.KILLED;
            view.lastFeedback = event.reason();
            view.placements.stream().filter(p -> event.withdrawnPlacements().contains(p.placementId)).forEach(p -> {
                p.status = PlacementStatus.CANCELLED;
                p.cancelReason = "story killed: " + event.reason();
            });
            return null;
        }

        @Override
        public Void on(QuietPeriodOverriddenEvent event) {
            view.quietPeriodOverrides.add(new StoryView.QuietPeriodOverrideView(event.placementId(), event.blackoutId(),
                    event.blackoutName(), event.reason(), event.overriddenBy(), event.overriddenAt()));
            return null;
        }

        @Override
        public Void on(PlacementPausedEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.paused = true;
            placement.pausedBy = event.pausedBy();
            placement.pauseReason = event.reason();
            placement.pausedByCrisis = event.crisisId();
            return null;
        }

        @Override
        public Void on(PlacementResumedEvent event) {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.paused = false;
            placement.resumedBy = event.resumedBy();
            placement.resumeReason = event.reason();
            return null;
        }

        @Override
        public Void on(PlacementClearedDuringCrisisEvent event) {
            view.placement(event.placementId()).clearedForCrisis = event.crisisId();
            return null;
        }

        @Override
        public Void on(StoryCommentedEvent event) {
            view.comments.add(new StoryView.CommentView(event.commentId(), event.author(), event.text(),
                    event.mentions(), event.at()));
            return null;
        }

        private void clearReview() {
            view.approvals.clear();
            view.requiredApprovalSteps.clear();
            view.pendingApprovalSteps.clear();
        }
    }
}
