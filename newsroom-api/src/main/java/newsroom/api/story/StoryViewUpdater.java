package newsroom.api.story;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.DraftEditedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PitchDeclinedEvent;
import newsroom.story.PlacementCancelledEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRescheduledEvent;
import newsroom.story.PlacementStatus;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryAssignedEvent;
import newsroom.story.StoryCommentedEvent;
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
     *         event was already applied; null if the event is not a story event or has no story yet
     */
    public static StoryView apply(StoryView view, Object event, long seq, Instant at) {
        if (event instanceof StoryPitchedEvent pitched) {
            return view != null ? view : pitched(pitched, seq, at);
        }
        if (view == null || seq <= view.version) {
            return view;
        }
        boolean storyEvent = change(view, event, at);
        if (storyEvent) {
            view.version = seq;
            view.updatedAt = at;
            view.nextSlot = view.placements.stream()
                    .filter(placement -> placement.status == PlacementStatus.PLANNED)
                    .map(placement -> placement.slot)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }
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

    // one branch per event type: the whole mapping from events to the view reads in one place
    private static boolean change(StoryView view, Object event, Instant at) {
        if (event instanceof PitchAcceptedEvent e) {
            view.status = StoryStatus.IN_PROGRESS;
            if (e.assignee() != null) {
                view.assignee = e.assignee();
            }
        } else if (event instanceof PitchDeclinedEvent e) {
            view.status = StoryStatus.DECLINED;
            view.lastFeedback = e.reason();
        } else if (event instanceof DraftEditedEvent e) {
            view.applyContent(e.content());
            view.lastEditedBy = e.editedBy();
            view.contentVersion = e.contentVersion();
        } else if (event instanceof StoryAssignedEvent e) {
            view.assignee = e.assignee();
        } else if (event instanceof StorySubmittedEvent e) {
            view.status = StoryStatus.IN_REVIEW;
            clearReview(view);
            view.requiredApprovalSteps.addAll(e.requiredSteps());
            view.pendingApprovalSteps.addAll(e.requiredSteps());
        } else if (event instanceof ApprovalGrantedEvent e) {
            view.approvals.add(new StoryView.ApprovalView(e.step(), e.approvedBy(), e.contentVersion(), at));
            view.pendingApprovalSteps.clear();
            view.pendingApprovalSteps.addAll(e.pendingSteps());
        } else if (event instanceof StoryApprovedEvent) {
            view.status = StoryStatus.APPROVED;
            view.pendingApprovalSteps.clear();
        } else if (event instanceof ChangesRequestedEvent e) {
            view.status = StoryStatus.IN_PROGRESS;
            view.lastFeedback = e.comment();
            clearReview(view);
        } else if (event instanceof ApprovalWithdrawnEvent) {
            view.status = StoryStatus.IN_PROGRESS;
            clearReview(view);
        } else if (event instanceof PlacementPlannedEvent e) {
            StoryView.PlacementView placement = new StoryView.PlacementView();
            placement.placementId = e.placementId();
            placement.channelId = e.channelId();
            placement.channelName = e.channelName();
            placement.channelKind = e.channelKind().name();
            placement.slot = e.slot();
            placement.text = e.text();
            placement.status = PlacementStatus.PLANNED;
            placement.requiredApprovalSteps.addAll(e.requiredApprovalSteps());
            placement.plannedBy = e.plannedBy();
            view.placements.add(placement);
            view.lastEditedBy = e.plannedBy();
            view.contentVersion = e.contentVersion();
        } else if (event instanceof PlacementRescheduledEvent e) {
            view.placement(e.placementId()).slot = e.slot();
        } else if (event instanceof PlacementCancelledEvent e) {
            StoryView.PlacementView placement = view.placement(e.placementId());
            placement.status = PlacementStatus.CANCELLED;
            placement.cancelReason = e.reason();
        } else if (event instanceof PlacementPublishedEvent e) {
            StoryView.PlacementView placement = view.placement(e.placementId());
            placement.status = PlacementStatus.PUBLISHED;
            placement.publishedBy = e.publishedBy();
            placement.publishedAt = e.publishedAt();
        } else if (event instanceof StoryKilledEvent e) {
            view.status = StoryStatus.KILLED;
            view.lastFeedback = e.reason();
            view.placements.stream().filter(p -> e.withdrawnPlacements().contains(p.placementId)).forEach(p -> {
                p.status = PlacementStatus.CANCELLED;
                p.cancelReason = "story killed: " + e.reason();
            });
        } else if (event instanceof StoryCommentedEvent e) {
            view.comments.add(new StoryView.CommentView(e.commentId(), e.author(), e.text(), e.mentions(), e.at()));
        } else {
            return false;
        }
        return true;
    }

    private static void clearReview(StoryView view) {
        view.approvals.clear();
        view.requiredApprovalSteps.clear();
        view.pendingApprovalSteps.clear();
    }
}
