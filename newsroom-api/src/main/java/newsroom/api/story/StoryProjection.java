package newsroom.api.story;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
import newsroom.story.StoryKilledEvent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StoryStatus;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code stories} read model. Idempotent: an event whose sequence number the document has
 * already seen changes nothing, so a replay or a redelivered batch is harmless.
 */
@Component
@ProcessingGroup(StoryProjection.PROCESSING_GROUP)
class StoryProjection {

    static final String PROCESSING_GROUP = "stories";

    private final StoryRepository stories;

    StoryProjection(StoryRepository stories) {
        this.stories = stories;
    }

    @EventHandler
    void on(StoryPitchedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (stories.find(event.storyId()).isPresent()) {
            return;
        }
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
        stories.save(view);
    }

    @EventHandler
    void on(PitchAcceptedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.IN_PROGRESS;
            if (event.assignee() != null) {
                view.assignee = event.assignee();
            }
        });
    }

    @EventHandler
    void on(PitchDeclinedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.DECLINED;
            view.lastFeedback = event.reason();
        });
    }

    @EventHandler
    void on(DraftEditedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.applyContent(event.content());
            view.lastEditedBy = event.editedBy();
            view.contentVersion = event.contentVersion();
        });
    }

    @EventHandler
    void on(StoryAssignedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> view.assignee = event.assignee());
    }

    @EventHandler
    void on(StorySubmittedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.IN_REVIEW;
            view.approvals.clear();
            view.requiredApprovalSteps.clear();
            view.requiredApprovalSteps.addAll(event.requiredSteps());
            view.pendingApprovalSteps.clear();
            view.pendingApprovalSteps.addAll(event.requiredSteps());
        });
    }

    @EventHandler
    void on(ApprovalGrantedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.approvals.add(new StoryView.ApprovalView(event.step(), event.approvedBy(), event.contentVersion(), at));
            view.pendingApprovalSteps.clear();
            view.pendingApprovalSteps.addAll(event.pendingSteps());
        });
    }

    @EventHandler
    void on(StoryApprovedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.APPROVED;
            view.pendingApprovalSteps.clear();
        });
    }

    @EventHandler
    void on(ChangesRequestedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.IN_PROGRESS;
            view.lastFeedback = event.comment();
            clearReview(view);
        });
    }

    @EventHandler
    void on(ApprovalWithdrawnEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.IN_PROGRESS;
            clearReview(view);
        });
    }

    @EventHandler
    void on(PlacementPlannedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
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
        });
    }

    @EventHandler
    void on(PlacementRescheduledEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> view.placement(event.placementId()).slot = event.slot());
    }

    @EventHandler
    void on(PlacementCancelledEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.status = PlacementStatus.CANCELLED;
            placement.cancelReason = event.reason();
        });
    }

    @EventHandler
    void on(PlacementPublishedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            StoryView.PlacementView placement = view.placement(event.placementId());
            placement.status = PlacementStatus.PUBLISHED;
            placement.publishedBy = event.publishedBy();
            placement.publishedAt = event.publishedAt();
        });
    }

    @EventHandler
    void on(StoryKilledEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.storyId(), seq, at, view -> {
            view.status = StoryStatus.KILLED;
            view.lastFeedback = event.reason();
            List<String> withdrawn = event.withdrawnPlacements();
            view.placements.stream().filter(p -> withdrawn.contains(p.placementId)).forEach(p -> {
                p.status = PlacementStatus.CANCELLED;
                p.cancelReason = "story killed: " + event.reason();
            });
        });
    }

    @ResetHandler
    void reset() {
        stories.deleteAll();
    }

    private static void clearReview(StoryView view) {
        view.approvals.clear();
        view.requiredApprovalSteps.clear();
        view.pendingApprovalSteps.clear();
    }

    private void update(String storyId, long seq, Instant at, Consumer<StoryView> change) {
        stories.find(storyId).ifPresent(view -> {
            if (seq <= view.version) {
                return; // already applied
            }
            change.accept(view);
            view.version = seq;
            view.updatedAt = at;
            stories.save(view);
        });
    }
}
