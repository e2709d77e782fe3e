package newsroom.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import newsroom.governance.ApprovalPolicy;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The story: the unit of editorial work, from pitch to its last published placement.
 * <p>
 * Command handlers check the rules and apply events; event-sourcing handlers only set state. Time and
 * ids arrive with the commands, the approval policy is injected, so the aggregate does no I/O.
 */
public class Story {

    @AggregateIdentifier
    private String storyId;
    private StoryStatus status;
    private StoryContent content;
    private String pitchedBy;
    private String lastEditedBy;
    private String assignee;
    /** Counts content changes (draft edits and placement texts); approvals hold for one content version. */
    private long contentVersion;
    private Set<String> stepsAtSubmission = Set.of();
    private final Map<String, Placement> placements = new LinkedHashMap<>();
    /** Granted steps for the current content version, by step name. */
    private final Map<String, Approval> grants = new LinkedHashMap<>();

    protected Story() {
        // for Axon: the aggregate is rebuilt from its events
    }

    @CommandHandler
    public Story(PitchStoryCommand command) {
        requireNotItsOwnSource(command.storyId(), command.content());
        apply(new StoryPitchedEvent(command.storyId(), command.content(), command.pitchedBy().username(),
                command.pitchedAt()));
    }

    @CommandHandler
    public void handle(AcceptPitchCommand command) {
        requireOpen();
        requireStatus("accept the pitch", StoryStatus.PITCHED);
        apply(new PitchAcceptedEvent(storyId, command.acceptedBy().username(), command.assignee()));
    }

    @CommandHandler
    public void handle(DeclinePitchCommand command) {
        requireOpen();
        requireStatus("decline the pitch", StoryStatus.PITCHED);
        apply(new PitchDeclinedEvent(storyId, command.declinedBy().username(), command.reason()));
    }

    @CommandHandler
    public void handle(EditDraftCommand command) {
        requireOpen();
        requireMayChangeContent(command.editedBy());
        StoryContent edited = command.content();
        requireNotItsOwnSource(storyId, edited);
        if (edited.equals(content)) {
            return; // nothing changed, so there is nothing to record and no approval to withdraw
        }
        placements.values().stream()
                .filter(Placement::isPlanned)
                .filter(placement -> edited.isEmbargoedAt(placement.slot()))
                .findFirst()
                .ifPresent(placement -> {
                    throw new StoryRuleViolation(StoryRule.SLOT_BEFORE_EMBARGO, "placement " + placement.id()
                            + " is planned for " + placement.slot() + ", before the new embargo " + edited.embargo());
                });
        String editor = command.editedBy().username();
        apply(new DraftEditedEvent(storyId, edited, editor, contentVersion + 1));
        withdrawReviewAfterContentChange(editor, "the draft was edited");
    }

    @CommandHandler
    public void handle(AssignStoryCommand command) {
        requireOpen();
        requireStatus("assign", StoryStatus.IN_PROGRESS, StoryStatus.IN_REVIEW, StoryStatus.APPROVED);
        apply(new StoryAssignedEvent(storyId, command.assignee(), command.assignedBy().username()));
    }

    @CommandHandler
    public void handle(SubmitStoryCommand command, ApprovalPolicy policy) {
        requireOpen();
        requireStatus("submit", StoryStatus.IN_PROGRESS);
        requireMayChangeContent(command.submittedBy());
        Set<String> steps = plannedPlacements().isEmpty()
                ? policy.stepsFor(List.of())
                : stepsOfPlannedPlacements();
        apply(new StorySubmittedEvent(storyId, command.submittedBy().username(), contentVersion, steps));
    }

    @CommandHandler
    public void handle(ApproveStoryCommand command) {
        requireOpen();
        requireStatus("approve", StoryStatus.IN_REVIEW);
        String approver = command.approvedBy().username();
        if (approver.equals(pitchedBy) || approver.equals(lastEditedBy)) {
            throw new StoryRuleViolation(StoryRule.FOUR_EYES,
                    approver + " pitched or last edited this story and cannot approve it");
        }
        Set<String> required = requiredSteps();
        Set<String> pending = pendingSteps();
        String step = command.step();
        if (step == null || step.isBlank()) {
            if (pending.size() != 1) {
                throw new StoryRuleViolation(StoryRule.APPROVAL_STEP_MUST_BE_NAMED, "pending steps: " + pending);
            }
            step = pending.iterator().next();
        }
        if (!required.contains(step)) {
            throw new StoryRuleViolation(StoryRule.APPROVAL_STEP_NOT_REQUIRED,
                    "step '" + step + "' is not among the required steps " + required);
        }
        if (grants.containsKey(step)) {
            throw new StoryRuleViolation(StoryRule.APPROVAL_STEP_ALREADY_GRANTED,
                    "step '" + step + "' was approved by " + grants.get(step).approvedBy());
        }
        if (grants.values().stream().anyMatch(grant -> grant.approvedBy().equals(approver))) {
            throw new StoryRuleViolation(StoryRule.DISTINCT_APPROVERS,
                    approver + " already approved another step of content version " + contentVersion);
        }
        Set<String> stillPending = new TreeSet<>(pending);
        stillPending.remove(step);
        apply(new ApprovalGrantedEvent(storyId, step, approver, contentVersion, stillPending));
        completeApprovalIfNothingPending();
    }

    @CommandHandler
    public void handle(RequestChangesCommand command) {
        requireOpen();
        requireStatus("request changes", StoryStatus.IN_REVIEW, StoryStatus.APPROVED);
        apply(new ChangesRequestedEvent(storyId, command.requestedBy().username(), command.comment(), contentVersion));
    }

    @CommandHandler
    public void handle(PlanPlacementCommand command, ApprovalPolicy policy) {
        requireOpen();
        requireStatus("plan a placement", StoryStatus.IN_PROGRESS, StoryStatus.IN_REVIEW, StoryStatus.APPROVED);
        if (placements.containsKey(command.placementId())) {
            throw new StoryRuleViolation(StoryRule.PLACEMENT_ALREADY_EXISTS, "placement " + command.placementId());
        }
        requireSlotNotBeforeEmbargo(command.slot());
        var channel = command.channel();
        String planner = command.plannedBy().username();
        apply(new PlacementPlannedEvent(storyId, command.placementId(), channel.id(), channel.name(), channel.kind(),
                policy.stepsFor(channel.kind()), command.slot(), command.text(), planner, contentVersion + 1));
        withdrawReviewAfterContentChange(planner, "placement " + command.placementId() + " on " + channel.name()
                + " was planned");
    }

    @CommandHandler
    public void handle(ReschedulePlacementCommand command) {
        requireOpen();
        Placement placement = plannedPlacement(command.placementId());
        requireSlotNotBeforeEmbargo(command.slot());
        if (placement.slot().equals(command.slot())) {
            return; // already there
        }
        apply(new PlacementRescheduledEvent(storyId, placement.id(), placement.slot(), command.slot(),
                command.rescheduledBy().username()));
    }

    @CommandHandler
    public void handle(CancelPlacementCommand command) {
        requireOpen();
        Placement placement = plannedPlacement(command.placementId());
        apply(new PlacementCancelledEvent(storyId, placement.id(), command.reason(), command.cancelledBy().username()));
        // cancelling the only placement that needed a missing step can complete the review
        if (status == StoryStatus.IN_REVIEW && !grants.isEmpty()) {
            completeApprovalIfNothingPending();
        }
    }

    @CommandHandler
    public void handle(PublishPlacementCommand command) {
        requireOpen();
        Placement placement = plannedPlacement(command.placementId());
        if (content.isEmbargoedAt(command.publishedAt())) {
            throw new StoryRuleViolation(StoryRule.EMBARGO_NOT_LIFTED, "embargoed until " + content.embargo());
        }
        Set<String> missing = new TreeSet<>(placement.requiredApprovalSteps());
        missing.removeAll(grants.keySet());
        if (!missing.isEmpty()) {
            throw new StoryRuleViolation(StoryRule.REQUIRED_APPROVALS_MISSING,
                    "content version " + contentVersion + " lacks approval steps " + missing);
        }
        List<Approval> approvals = placement.requiredApprovalSteps().stream().map(grants::get).toList();
        apply(new PlacementPublishedEvent(storyId, placement.id(), placement.channelId(),
                command.publishedBy().username(), command.publishedAt(), contentVersion, approvals));
    }

    @CommandHandler
    public void handle(KillStoryCommand command) {
        requireOpen();
        boolean anyPublished = placements.values().stream().anyMatch(p -> p.status() == PlacementStatus.PUBLISHED);
        List<String> unpublished = plannedPlacements().stream().map(Placement::id).toList();
        if (anyPublished && unpublished.isEmpty()) {
            throw new StoryRuleViolation(StoryRule.STORY_FULLY_PUBLISHED, "every placement is already published");
        }
        apply(new StoryKilledEvent(storyId, command.reason(), command.killedBy().username(), unpublished));
    }

    @CommandHandler
    public void handle(CommentOnStoryCommand command) {
        requireOpen();
        apply(new StoryCommentedEvent(storyId, command.commentId(), command.text(), Set.copyOf(command.mentions()),
                command.author().username(), command.at()));
    }

    // ---- rules shared by several commands

    private void requireOpen() {
        if (status.isClosed()) {
            throw new StoryRuleViolation(StoryRule.STORY_CLOSED, "story " + storyId + " is " + status);
        }
    }

    private void requireStatus(String action, StoryStatus... allowed) {
        for (StoryStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new StoryRuleViolation(StoryRule.INVALID_TRANSITION,
                "cannot " + action + " a story that is " + status + "; allowed in " + List.of(allowed));
    }

    private void requireMayChangeContent(Actor actor) {
        if (actor.has(Role.EDITOR)) {
            return;
        }
        String name = actor.username();
        if (!name.equals(pitchedBy) && !name.equals(assignee)) {
            throw new StoryRuleViolation(StoryRule.OWN_DRAFTS_ONLY,
                    name + " neither pitched nor is assigned to story " + storyId);
        }
    }

    private void requireSlotNotBeforeEmbargo(Instant slot) {
        if (content.isEmbargoedAt(slot)) {
            throw new StoryRuleViolation(StoryRule.SLOT_BEFORE_EMBARGO,
                    "slot " + slot + " is before the embargo " + content.embargo());
        }
    }

    private static void requireNotItsOwnSource(String storyId, StoryContent content) {
        if (storyId.equals(content.sourceStoryId())) {
            throw new StoryRuleViolation(StoryRule.NOT_ITS_OWN_SOURCE, "story " + storyId + " names itself as source");
        }
    }

    private Placement plannedPlacement(String placementId) {
        Placement placement = placements.get(placementId);
        if (placement == null) {
            throw new PlacementNotFound(storyId, placementId);
        }
        if (placement.status() == PlacementStatus.PUBLISHED) {
            throw new StoryRuleViolation(StoryRule.PLACEMENT_ALREADY_PUBLISHED, "placement " + placementId
                    + " is already published");
        }
        if (placement.status() == PlacementStatus.CANCELLED) {
            throw new StoryRuleViolation(StoryRule.PLACEMENT_CANCELLED, "placement " + placementId + " was cancelled");
        }
        return placement;
    }

    /** Content changed: a story in review or approved goes back to work, and what was granted lapses. */
    private void withdrawReviewAfterContentChange(String changedBy, String reason) {
        if (status == StoryStatus.IN_REVIEW || status == StoryStatus.APPROVED) {
            apply(new ApprovalWithdrawnEvent(storyId, reason, contentVersion, List.copyOf(grants.values()), changedBy));
        }
    }

    private void completeApprovalIfNothingPending() {
        if (pendingSteps().isEmpty()) {
            apply(new StoryApprovedEvent(storyId, contentVersion, List.copyOf(grants.values())));
        }
    }

    private List<Placement> plannedPlacements() {
        return placements.values().stream().filter(Placement::isPlanned).toList();
    }

    private Set<String> stepsOfPlannedPlacements() {
        Set<String> steps = new TreeSet<>();
        plannedPlacements().forEach(placement -> steps.addAll(placement.requiredApprovalSteps()));
        return steps;
    }

    private Set<String> requiredSteps() {
        return plannedPlacements().isEmpty() ? stepsAtSubmission : stepsOfPlannedPlacements();
    }

    private Set<String> pendingSteps() {
        Set<String> pending = new TreeSet<>(requiredSteps());
        pending.removeAll(grants.keySet());
        return pending;
    }

    // ---- state, set only from events

    @EventSourcingHandler
    void on(StoryPitchedEvent event) {
        storyId = event.storyId();
        status = StoryStatus.PITCHED;
        content = event.content();
        pitchedBy = event.pitchedBy();
        lastEditedBy = event.pitchedBy();
        contentVersion = 1;
    }

    @EventSourcingHandler
    void on(PitchAcceptedEvent event) {
        status = StoryStatus.IN_PROGRESS;
        if (event.assignee() != null) {
            assignee = event.assignee();
        }
    }

    @EventSourcingHandler
    void on(PitchDeclinedEvent event) {
        status = StoryStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(DraftEditedEvent event) {
        content = event.content();
        lastEditedBy = event.editedBy();
        contentVersion = event.contentVersion();
    }

    @EventSourcingHandler
    void on(StoryAssignedEvent event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(StorySubmittedEvent event) {
        status = StoryStatus.IN_REVIEW;
        stepsAtSubmission = Set.copyOf(event.requiredSteps());
        grants.clear();
    }

    @EventSourcingHandler
    void on(ApprovalGrantedEvent event) {
        grants.put(event.step(), new Approval(event.step(), event.approvedBy(), event.contentVersion()));
    }

    @EventSourcingHandler
    void on(StoryApprovedEvent event) {
        status = StoryStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ChangesRequestedEvent event) {
        status = StoryStatus.IN_PROGRESS;
        grants.clear();
    }

    @EventSourcingHandler
    void on(ApprovalWithdrawnEvent event) {
        status = StoryStatus.IN_PROGRESS;
        grants.clear();
    }

    @EventSourcingHandler
    void on(PlacementPlannedEvent event) {
        placements.put(event.placementId(), new Placement(event.placementId(), event.channelId(), event.channelKind(),
                Collections.unmodifiableSortedSet(new TreeSet<>(event.requiredApprovalSteps())), event.slot(), PlacementStatus.PLANNED));
        lastEditedBy = event.plannedBy();
        contentVersion = event.contentVersion();
    }

    @EventSourcingHandler
    void on(PlacementRescheduledEvent event) {
        placements.computeIfPresent(event.placementId(), (id, placement) -> placement.withSlot(event.slot()));
    }

    @EventSourcingHandler
    void on(PlacementCancelledEvent event) {
        placements.computeIfPresent(event.placementId(),
                (id, placement) -> placement.withStatus(PlacementStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(PlacementPublishedEvent event) {
        placements.computeIfPresent(event.placementId(),
                (id, placement) -> placement.withStatus(PlacementStatus.PUBLISHED));
    }

    @EventSourcingHandler
    void on(StoryKilledEvent event) {
        status = StoryStatus.KILLED;
        event.withdrawnPlacements().forEach(id ->
                placements.computeIfPresent(id, (key, placement) -> placement.withStatus(PlacementStatus.CANCELLED)));
    }
}
