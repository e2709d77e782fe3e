package newsroom.api.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import newsroom.calendar.Collision;
import newsroom.story.AppliedPolicy;
import newsroom.story.ApprovalAttestedEvent;
import newsroom.story.Audience;
import newsroom.story.DeliveryStatus;
import newsroom.story.PlacementStatus;
import newsroom.story.PolicyVersion;
import newsroom.story.Priority;
import newsroom.story.StoryContent;
import newsroom.story.StoryStatus;

/**
 * The story as readers see it: the {@code stories} read model document and the API's story body.
 * Mutable on purpose: only {@link StoryProjection} changes it, one event at a time.
 */
public class StoryView {

    public String storyId;
    /** The aggregate sequence number of the last applied event; the story's version for If-Match. */
    public long version;
    public StoryStatus status;
    public String title;
    public String angle;
    public String body;
    public String desk;
    public Audience audience;
    public String campaign;
    public Priority priority;
    public Instant embargo;
    public String sourceStoryId;
    public String pitchedBy;
    public Instant pitchedAt;
    public String assignee;
    public String lastEditedBy;
    public long contentVersion;
    public Set<String> requiredApprovalSteps = new TreeSet<>();
    public Set<String> pendingApprovalSteps = new TreeSet<>();
    public List<ApprovalView> approvals = new ArrayList<>();
    /**
     * The approval policy versions recorded at the last submission (steps, signatures, checklist, the placements
     * each applied to); empty for a story submitted before policies were versioned, or not in review.
     */
    public List<AppliedPolicy> approvalPolicies = new ArrayList<>();
    public List<PlacementView> placements = new ArrayList<>();
    public List<CommentView> comments = new ArrayList<>();
    /** The earliest slot of a planned (not yet published or cancelled) placement. */
    public Instant nextSlot;
    /**
     * Whether the story has gone out: the domain's {@code StoryState#isFullyPublished()}, stored so the
     * board can ask for it and the dashboard need not re-derive it.
     */
    public boolean fullyPublished;
    /** The last reason given for declining, sending back or killing. */
    public String lastFeedback;
    public Instant updatedAt;
    /**
     * The content as it was when the story was last fully approved; null until then. Kept when the
     * approval is withdrawn or changes are requested, so an approver can compare a re-submission to it.
     */
    public ApprovedContent lastApprovedContent;
    /** The quiet periods governance leads overrode, per placement (a placement id may precede its planning). */
    public List<QuietPeriodOverrideView> quietPeriodOverrides = new ArrayList<>();
    /** Calendar collisions of a placement just planned; only in that command's answer, never stored. */
    public List<Collision> warnings;

    void applyContent(StoryContent content) {
        title = content.title();
        angle = content.angle();
        body = content.body();
        desk = content.desk();
        audience = content.audience();
        campaign = content.campaign();
        priority = content.priority();
        embargo = content.embargo();
        sourceStoryId = content.sourceStoryId();
    }

    public PlacementView placement(String placementId) {
        return placements.stream().filter(p -> p.placementId.equals(placementId)).findFirst().orElse(null);
    }

    /** An editorial comment; {@code mentions} are the users it named with @. */
    public record CommentView(String commentId, String author, String text, Set<String> mentions, Instant at) {
    }

    /** The approved content: title, angle, body and the text of each placement that was not cancelled. */
    public record ApprovedContent(long contentVersion, String title, String angle, String body,
                                  List<ApprovedPlacement> placements) {

        static ApprovedContent of(StoryView story, long contentVersion) {
            return new ApprovedContent(contentVersion, story.title, story.angle, story.body, story.placements.stream()
                    .filter(placement -> placement.status != PlacementStatus.CANCELLED)
                    .map(placement -> new ApprovedPlacement(placement.placementId, placement.channelId,
                            placement.channelName, placement.text))
                    .toList());
        }
    }

    public record ApprovedPlacement(String placementId, String channelId, String channelName, String text) {
    }

    /** A governance lead let one placement go out inside one quiet period, and why. */
    public record QuietPeriodOverrideView(String placementId, String blackoutId, String blackoutName, String reason,
                                          String overriddenBy, Instant overriddenAt) {
    }

    /** The overrides given for one placement. */
    public List<QuietPeriodOverrideView> overridesFor(String placementId) {
        return quietPeriodOverrides.stream().filter(override -> override.placementId().equals(placementId)).toList();
    }

    /**
     * One signature of an approval step for one content version; with the policy versions it was given under, the
     * checklist items the approver confirmed, and, for a delegate, on whose behalf.
     */
    public record ApprovalView(String step, String approvedBy, long contentVersion, Instant approvedAt,
                               String onBehalfOf, List<PolicyVersion> policies, List<String> confirmedChecklist) {

        ApprovalView attested(ApprovalAttestedEvent event) {
            return new ApprovalView(step, approvedBy, contentVersion, approvedAt, event.onBehalfOf(), event.policies(),
                    event.confirmedChecklist());
        }
    }

    /** The story on one channel at one slot. */
    public static class PlacementView {
        public String placementId;
        public String channelId;
        public String channelName;
        public String channelKind;
        public Instant slot;
        public String text;
        public PlacementStatus status;
        public Set<String> requiredApprovalSteps = new TreeSet<>();
        public String plannedBy;
        public String publishedBy;
        public Instant publishedAt;
        public String cancelReason;
        /** The slot it missed when it went out late (automatic publication after Newsroom was down). */
        public Instant missedSlot;
        /** Why automatic publication left it to an editor (a rule name), and what it said; cleared by a new slot. */
        public String heldFor;
        public String heldReason;
        /** How its delivery to the channel's system stands: {@code NONE}, {@code PENDING}, {@code RETRYING}, ... */
        public DeliveryStatus delivery = DeliveryStatus.NONE;
        public int deliveryAttempts;
        /** The last delivery failure (HTTP status or error), null once delivered. */
        public String deliveryDetail;
        public Instant deliveredAt;
        /** Held back by crisis mode until someone resumes, reschedules or cancels it. */
        public boolean paused;
        /** Who paused it (the lead who switched crisis mode on), why, and which crisis; kept after it resumes. */
        public String pausedBy;
        public String pauseReason;
        public String pausedByCrisis;
        /** The crisis during which a governance lead scheduled it by decision: that crisis does not pause it. */
        public String clearedForCrisis;
        /** Who last resumed it and why. */
        public String resumedBy;
        public String resumeReason;
    }
}
