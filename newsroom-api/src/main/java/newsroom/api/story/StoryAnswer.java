package newsroom.api.story;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import newsroom.calendar.Collision;
import newsroom.people.Action;
import newsroom.story.AllowedActions;
import newsroom.story.AppliedPolicy;
import newsroom.story.Audience;
import newsroom.story.DeliveryStatus;
import newsroom.story.PlacementStatus;
import newsroom.story.Priority;
import newsroom.story.ReviewTerms;
import newsroom.story.StoryStatus;

/**
 * A story as the API answers it: the fields of the stored {@link StoryView}, plus what the caller may do
 * next with it. Immutable, and a type of its own so the stored document, the HTTP answer and the live
 * push can change independently.
 * <p>
 * {@code allowedActions}, {@code approvableSteps} and each placement's {@code allowedActions} are
 * per person: present in HTTP answers, absent (not empty) in live pushes, which go to topics many people
 * share; a client refetches {@code GET /api/stories/{id}} for them.
 *
 * @param allowedActions  the story-level actions the caller may take now (see {@link newsroom.story.StoryActions})
 * @param approvableSteps the approval steps the caller may sign now
 * @param lastApprovedContent the content at the story's last full approval; null before the first
 * @param approvalPolicies the approval policy versions in force for its review (recorded at submission)
 * @param checklist       the guideline checklist of those versions, which an approver confirms item by item
 * @param warnings        calendar collisions of a placement just planned; only in that command's answer
 */
public record StoryAnswer(String storyId, long version, StoryStatus status, String title, String angle, String body,
                          String desk, Audience audience, String campaign, Priority priority, Instant embargo,
                          String sourceStoryId, String pitchedBy, Instant pitchedAt, String assignee,
                          String lastEditedBy, long contentVersion, Set<String> requiredApprovalSteps,
                          Set<String> pendingApprovalSteps, List<StoryView.ApprovalView> approvals,
                          List<PlacementAnswer> placements, List<StoryView.CommentView> comments, Instant nextSlot,
                          boolean fullyPublished, String lastFeedback, Instant updatedAt,
                          StoryView.ApprovedContent lastApprovedContent,
                          List<AppliedPolicy> approvalPolicies, List<String> checklist,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Collision> warnings,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Set<Action> allowedActions,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Set<String> approvableSteps) {

    /**
     * One placement, with the placement actions the caller may take on it (absent in live pushes).
     *
     * @param paused               held back by crisis mode until someone resumes, reschedules or cancels it
     * @param quietPeriodOverrides the quiet periods a governance lead let it go out in, with who and why
     */
    public record PlacementAnswer(String placementId, String channelId, String channelName, String channelKind,
                                  Instant slot, String text, PlacementStatus status, Set<String> requiredApprovalSteps,
                                  String plannedBy, String publishedBy, Instant publishedAt, String cancelReason,
                                  Instant missedSlot, String heldFor, String heldReason, DeliveryStatus delivery,
                                  int deliveryAttempts, String deliveryDetail, Instant deliveredAt,
                                  boolean paused, String pausedBy, String pauseReason, String resumedBy,
                                  String resumeReason, List<StoryView.QuietPeriodOverrideView> quietPeriodOverrides,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Set<Action> allowedActions) {
    }

    /** The story for one caller, with what they may do next. */
    static StoryAnswer of(StoryView view, AllowedActions allowed) {
        return from(view, allowed);
    }

    /** The story for everybody (a live push): without per-person actions. */
    public static StoryAnswer forEveryone(StoryView view) {
        return view == null ? null : from(view, null);
    }

    /** The same answer with the collisions of a placement just planned. */
    StoryAnswer withWarnings(List<Collision> collisions) {
        return new StoryAnswer(storyId, version, status, title, angle, body, desk, audience, campaign, priority,
                embargo, sourceStoryId, pitchedBy, pitchedAt, assignee, lastEditedBy, contentVersion,
                requiredApprovalSteps, pendingApprovalSteps, approvals, placements, comments, nextSlot, fullyPublished,
                lastFeedback, updatedAt, lastApprovedContent, approvalPolicies, checklist,
                collisions == null ? null : List.copyOf(collisions), allowedActions,
                approvableSteps);
    }

    private static StoryAnswer from(StoryView view, AllowedActions allowed) {
        List<PlacementAnswer> placements = listOf(view.placements).stream().map(placement -> new PlacementAnswer(
                placement.placementId, placement.channelId, placement.channelName, placement.channelKind,
                placement.slot, placement.text, placement.status, sorted(placement.requiredApprovalSteps),
                placement.plannedBy, placement.publishedBy, placement.publishedAt, placement.cancelReason,
                placement.missedSlot, placement.heldFor, placement.heldReason,
                placement.delivery == null ? DeliveryStatus.NONE : placement.delivery, placement.deliveryAttempts,
                placement.deliveryDetail, placement.deliveredAt,
                placement.paused && placement.status == PlacementStatus.PLANNED, placement.pausedBy,
                placement.pauseReason, placement.resumedBy, placement.resumeReason,
                view.quietPeriodOverrides == null ? List.of() : view.overridesFor(placement.placementId),
                allowed == null ? null : allowed.placement(placement.placementId))).toList();
        return new StoryAnswer(view.storyId, view.version, view.status, view.title, view.angle, view.body, view.desk,
                view.audience, view.campaign, view.priority, view.embargo, view.sourceStoryId, view.pitchedBy,
                view.pitchedAt, view.assignee, view.lastEditedBy, view.contentVersion,
                sorted(view.requiredApprovalSteps), sorted(view.pendingApprovalSteps),
                listOf(view.approvals), placements, listOf(view.comments), view.nextSlot, view.fullyPublished,
                view.lastFeedback, view.updatedAt, view.lastApprovedContent, listOf(view.approvalPolicies),
                view.approvalPolicies == null || view.approvalPolicies.isEmpty() ? List.of()
                        : new ReviewTerms(view.approvalPolicies).checklist(),
                null, allowed == null ? null : allowed.story(),
                allowed == null ? null : allowed.approvableSteps());
    }

    private static Set<String> sorted(Set<String> steps) {
        return steps == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(steps));
    }

    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
