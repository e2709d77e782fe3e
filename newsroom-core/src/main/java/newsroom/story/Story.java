package newsroom.story;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;
import newsroom.governance.PoliciesInForce;
import newsroom.governance.PolicyTerms;
import newsroom.people.Actor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The story: the unit of editorial work, from pitch to its last published placement.
 * <p>
 * Command handlers enforce the rules of {@link StoryRules} (the same ones {@link StoryActions} offers
 * from) and apply events; event-sourcing handlers only replace the {@link StoryState}. Time and ids
 * arrive with the commands, the approval policy (which steps a channel needs, which group signs each) is
 * injected, so the aggregate does no I/O.
 */
public class Story {

    @AggregateIdentifier
    private String storyId;
    /** What the rules decide on; replaced (never mutated) by each event. */
    private StoryState state;
    private StoryContent content;

    protected Story() {
        // for Axon: the aggregate is rebuilt from its events
    }

    @CommandHandler
    public Story(PitchStoryCommand command) {
        StoryRules.pitch(command.storyId(), command.content(), command.pitchedBy()).enforce();
        apply(new StoryPitchedEvent(command.storyId(), command.content(), command.pitchedBy().username(),
                command.pitchedAt()));
    }

    @CommandHandler
    public void handle(AcceptPitchCommand command) {
        StoryRules.acceptPitch(state, command.acceptedBy()).enforce();
        apply(new PitchAcceptedEvent(storyId, command.acceptedBy().username(), command.assignee()));
    }

    @CommandHandler
    public void handle(DeclinePitchCommand command) {
        StoryRules.declinePitch(state, command.declinedBy()).enforce();
        apply(new PitchDeclinedEvent(storyId, command.declinedBy().username(), command.reason()));
    }

    @CommandHandler
    public void handle(EditDraftCommand command) {
        StoryContent edited = command.content();
        StoryRules.editDraft(state, command.editedBy(), edited).enforce();
        if (edited.equals(content)) {
            return; // nothing changed, so there is nothing to record and no approval to withdraw
        }
        String editor = command.editedBy().username();
        apply(new DraftEditedEvent(storyId, edited, editor, state.contentVersion() + 1));
        withdrawReviewAfterContentChange(editor, "the draft was edited");
    }

    @CommandHandler
    public void handle(AssignStoryCommand command) {
        StoryRules.assign(state, command.assignedBy()).enforce();
        apply(new StoryAssignedEvent(storyId, command.assignee(), command.assignedBy().username()));
    }

    @CommandHandler
    public void handle(SubmitStoryCommand command, ApprovalPolicy policy) {
        StoryRules.submit(state, command.submittedBy()).enforce();
        String submitter = command.submittedBy().username();
        if (command.policies() == null) {
            Set<String> steps = state.plannedPlacements().isEmpty()
                    ? policy.stepsFor(List.of())
                    : state.requiredSteps();
            apply(new StorySubmittedEvent(storyId, submitter, state.contentVersion(), steps));
            return;
        }
        List<AppliedPolicy> applied = policiesFor(state.plannedPlacements(), command.policies());
        apply(new StorySubmittedEvent(storyId, submitter, state.contentVersion(), new ReviewTerms(applied).allSteps()));
        apply(new ApprovalPoliciesAppliedEvent(storyId, state.contentVersion(), applied));
    }

    /** Each planned placement's channel policy (or the default), one entry per policy version. */
    private static List<AppliedPolicy> policiesFor(List<Placement> planned, PoliciesInForce policies) {
        if (planned.isEmpty()) {
            return List.of(AppliedPolicy.of(policies.defaultPolicy(), List.of()));
        }
        Map<PolicyTerms, List<String>> placementsByPolicy = new LinkedHashMap<>();
        planned.forEach(placement -> placementsByPolicy
                .computeIfAbsent(policies.forChannel(placement.channelId()), terms -> new ArrayList<>())
                .add(placement.id()));
        List<AppliedPolicy> applied = new ArrayList<>();
        placementsByPolicy.forEach((terms, placementIds) -> applied.add(AppliedPolicy.of(terms, placementIds)));
        return applied;
    }

    @CommandHandler
    public void handle(ApproveStoryCommand command, ApprovalPolicy policy) {
        Actor approver = command.approvedBy();
        Circumstances circumstances = command.approvedAt() == null ? Circumstances.at(Instant.EPOCH, policy)
                : new Circumstances(command.approvedAt(), policy, command.delegations(), command.delegators());
        StoryRules.approve(state, approver, command.step(), circumstances, command.confirmedChecklist()).enforce();
        String step = StoryRules.stepToApprove(state, command.step());
        Optional<Delegation> delegation = StoryRules.signingDelegation(state, approver, step, circumstances);
        Approval approval = new Approval(step, approver.username(), state.contentVersion(),
                delegation.map(Delegation::delegator).orElse(null));
        apply(new ApprovalGrantedEvent(storyId, step, approver.username(), state.contentVersion(),
                state.granted(approval).pendingSteps()));
        if (state.review() != null || delegation.isPresent()) {
            List<String> confirmed = state.checklist().stream().filter(command.confirmedChecklist()::contains).toList();
            apply(new ApprovalAttestedEvent(storyId, step, approver.username(),
                    delegation.map(Delegation::delegator).orElse(null),
                    delegation.map(Delegation::delegationId).orElse(null), state.contentVersion(),
                    state.review() == null ? List.of() : state.review().versions(), confirmed));
        }
        completeApprovalIfNothingPending();
    }

    @CommandHandler
    public void handle(RequestChangesCommand command) {
        StoryRules.requestChanges(state, command.requestedBy()).enforce();
        apply(new ChangesRequestedEvent(storyId, command.requestedBy().username(), command.comment(),
                state.contentVersion()));
    }

    @CommandHandler
    public void handle(PlanPlacementCommand command, ApprovalPolicy policy, RestraintsSource restraints) {
        var channel = command.channel();
        Restraints inForce = restraints.current();
        StoryRules.planPlacement(state, command.plannedBy(), command.placementId(), channel, command.slot(), inForce)
                .then(() -> StoryRules.slotAhead(command.slot(), command.plannedAt())).enforce();
        String planner = command.plannedBy().username();
        apply(new PlacementPlannedEvent(storyId, command.placementId(), channel.id(), channel.name(), channel.kind(),
                policy.stepsFor(channel.kind()), command.slot(), command.text(), planner, state.contentVersion() + 1));
        withdrawReviewAfterContentChange(planner, "placement " + command.placementId() + " on " + channel.name()
                + " was planned");
        clearIfDuringCrisis(command.placementId(), inForce, planner);
    }

    @CommandHandler
    public void handle(ReschedulePlacementCommand command, RestraintsSource restraints) {
        Restraints inForce = restraints.current();
        StoryRules.reschedulePlacement(state, command.rescheduledBy(), command.placementId(), command.slot(),
                inForce).then(() -> StoryRules.slotAhead(command.slot(), command.rescheduledAt())).enforce();
        Placement placement = state.placement(command.placementId()).orElseThrow();
        if (placement.slot().equals(command.slot())) {
            return; // already there (a paused placement stays paused: resuming it is its own decision)
        }
        String by = command.rescheduledBy().username();
        apply(new PlacementRescheduledEvent(storyId, placement.id(), placement.slot(), command.slot(), by));
        if (placement.isPaused()) {
            // a new slot is the decision crisis mode asked for: it goes out at the new slot
            apply(new PlacementResumedEvent(storyId, placement.id(), "rescheduled to " + command.slot(), by, null));
        }
        clearIfDuringCrisis(placement.id(), inForce, by);
    }

    @CommandHandler
    public void handle(CancelPlacementCommand command) {
        StoryRules.cancelPlacement(state, command.cancelledBy(), command.placementId()).enforce();
        apply(new PlacementCancelledEvent(storyId, command.placementId(), command.reason(),
                command.cancelledBy().username()));
        completeReviewAfterCancellation();
    }

    @CommandHandler
    public void handle(PublishPlacementCommand command, ApprovalPolicy policy, RestraintsSource restraints) {
        StoryRules.publishPlacement(state, command.publishedBy(), command.placementId(),
                Circumstances.at(command.publishedAt(), policy).with(restraints.current())).enforce();
        Placement placement = state.placement(command.placementId()).orElseThrow();
        List<Approval> approvals = placement.requiredApprovalSteps().stream()
                .flatMap(step -> state.grantsFor(step).stream()).toList();
        apply(new PlacementPublishedEvent(storyId, placement.id(), placement.channelId(),
                command.publishedBy().username(), command.publishedAt(), state.contentVersion(), approvals,
                command.missedSlot()));
    }

    @CommandHandler
    public void handle(HoldPlacementCommand command) {
        StoryRules.holdPlacement(state, command.placementId()).enforce();
        Placement placement = state.placement(command.placementId()).orElseThrow();
        if (command.rule().equals(placement.heldFor())) {
            return; // already held for this; a second instance or a retry adds nothing
        }
        apply(new PlacementPublicationHeldEvent(storyId, placement.id(), placement.channelId(), placement.slot(),
                command.rule(), command.reason(), command.heldBy(), command.heldAt()));
    }

    @CommandHandler
    public void handle(RecordPlacementDeliveryCommand command) {
        StoryRules.recordDelivery(state, command.placementId()).enforce();
        Placement placement = state.placement(command.placementId()).orElseThrow();
        if (placement.delivery() == command.outcome()) {
            return; // only changes are recorded: one RETRYING per round, not one per attempt
        }
        switch (command.outcome()) {
            case RETRYING -> apply(new PlacementDeliveryRetryingEvent(storyId, placement.id(), command.deliveryId(),
                    command.attempts(), command.detail(), command.at(), command.nextAttemptAt()));
            case DELIVERED -> apply(new PlacementDeliveredEvent(storyId, placement.id(), command.deliveryId(),
                    command.attempts(), command.at()));
            case FAILED -> apply(new PlacementDeliveryFailedEvent(storyId, placement.id(), placement.channelId(),
                    command.deliveryId(), command.attempts(), command.detail(), command.at()));
            default -> throw new IllegalArgumentException("a delivery is recorded as retrying, delivered or failed, not "
                    + command.outcome());
        }
    }

    @CommandHandler
    public void handle(RedeliverPlacementCommand command) {
        StoryRules.redeliverPlacement(state, command.requestedBy(), command.placementId()).enforce();
        apply(new PlacementRedeliveryRequestedEvent(storyId, command.placementId(), command.requestedBy().username(),
                command.requestedAt()));
    }

    @CommandHandler
    public void handle(ResumePlacementCommand command, ApprovalPolicy policy, RestraintsSource restraints) {
        Restraints inForce = restraints.current();
        StoryRules.resumePlacement(state, command.resumedBy(), command.placementId(),
                Circumstances.at(command.at(), policy).with(inForce)).enforce();
        apply(new PlacementResumedEvent(storyId, command.placementId(), command.reason(),
                command.resumedBy().username(), command.at()));
        clearIfDuringCrisis(command.placementId(), inForce, command.resumedBy().username());
    }

    @CommandHandler
    public void handle(OverrideQuietPeriodCommand command, RestraintsSource restraints) {
        Restraints inForce = restraints.current();
        StoryRules.overrideQuietPeriod(state, command.overriddenBy(), command.placementId(), command.blackoutId(),
                inForce).enforce();
        apply(new QuietPeriodOverriddenEvent(storyId, command.placementId(), command.blackoutId(),
                inForce.quietPeriod(command.blackoutId()).orElseThrow().name(), command.reason(),
                command.overriddenBy().username(), command.at()));
    }

    @CommandHandler
    public void handle(PausePlacementsCommand command, RestraintsSource restraints) {
        StoryRules.runCrisis(command.pausedBy()).enforce();
        if (!command.crisisId().equals(restraints.current().activeCrisisId())) {
            return; // that crisis is over (or another one holds): nothing to pause for it any more
        }
        for (Placement placement : state.plannedPlacements()) {
            // a placement a lead scheduled during this crisis stays scheduled, however late the pausing arrives
            if (!placement.isPaused() && !command.crisisId().equals(placement.clearedForCrisis())) {
                apply(new PlacementPausedEvent(storyId, placement.id(), command.crisisId(), command.reason(),
                        command.pausedBy().username(), command.at()));
            }
        }
    }

    @CommandHandler
    public void handle(DecidePausedPlacementsCommand command, RestraintsSource restraints) {
        StoryRules.runCrisis(command.decidedBy()).enforce();
        String by = command.decidedBy().username();
        switch (command.decision()) {
            case RESUME -> {
                if (restraints.current().crisisActive()) {
                    return; // a new crisis holds them again
                }
                for (Placement placement : state.pausedPlacements()) {
                    if (placement.slot().isAfter(command.at())) { // a passed slot stays paused: never out late silently
                        apply(new PlacementResumedEvent(storyId, placement.id(), command.reason(), by, command.at()));
                    }
                }
            }
            case CANCEL -> {
                for (Placement placement : state.pausedPlacements()) {
                    apply(new PlacementCancelledEvent(storyId, placement.id(), "crisis " + command.crisisId()
                            + " ended: " + command.reason(), by));
                }
                completeReviewAfterCancellation();
            }
            case DECIDE_EACH -> {
                // each placement is decided on its own
            }
        }
    }

    @CommandHandler
    public void handle(KillStoryCommand command) {
        StoryRules.killStory(state, command.killedBy()).enforce();
        List<String> unpublished = state.plannedPlacements().stream().map(Placement::id).toList();
        apply(new StoryKilledEvent(storyId, command.reason(), command.killedBy().username(), unpublished));
    }

    @CommandHandler
    public void handle(CommentOnStoryCommand command) {
        StoryRules.comment(state, command.author()).enforce();
        apply(new StoryCommentedEvent(storyId, command.commentId(), command.text(), Set.copyOf(command.mentions()),
                command.author().username(), command.at()));
    }

    /**
     * The state the rules see (an immutable value). {@link StoryActions} takes the same kind of value,
     * built from the read model by the API; tests compare the two.
     */
    public StoryState state() {
        return state;
    }

    /** Content changed: a story in review or approved goes back to work, and what was granted lapses. */
    private void withdrawReviewAfterContentChange(String changedBy, String reason) {
        if (state.status() == StoryStatus.IN_REVIEW || state.status() == StoryStatus.APPROVED) {
            apply(new ApprovalWithdrawnEvent(storyId, reason, state.contentVersion(), state.grants(), changedBy));
        }
    }

    /** During a crisis only a lead gets this far: what she scheduled is her decision, so the crisis leaves it alone. */
    private void clearIfDuringCrisis(String placementId, Restraints inForce, String by) {
        if (inForce.crisisActive()) {
            apply(new PlacementClearedDuringCrisisEvent(storyId, placementId, inForce.activeCrisisId(), by));
        }
    }

    /** Cancelling the only placement that needed a missing step can complete the review. */
    private void completeReviewAfterCancellation() {
        if (state.status() == StoryStatus.IN_REVIEW && !state.grants().isEmpty()) {
            completeApprovalIfNothingPending();
        }
    }

    private void completeApprovalIfNothingPending() {
        if (state.pendingSteps().isEmpty()) {
            apply(new StoryApprovedEvent(storyId, state.contentVersion(), state.grants()));
        }
    }

    // ---- state, set only from events

    @EventSourcingHandler
    void on(StoryPitchedEvent event) {
        storyId = event.storyId();
        content = event.content();
        state = StoryState.pitched(event.storyId(), event.pitchedBy(), event.content().embargo());
    }

    @EventSourcingHandler
    void on(PitchAcceptedEvent event) {
        state = state.withStatus(StoryStatus.IN_PROGRESS);
        if (event.assignee() != null) {
            state = state.withAssignee(event.assignee());
        }
    }

    @EventSourcingHandler
    void on(PitchDeclinedEvent event) {
        state = state.withStatus(StoryStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(DraftEditedEvent event) {
        content = event.content();
        state = state.edited(event.editedBy(), event.contentVersion(), event.content().embargo());
    }

    @EventSourcingHandler
    void on(StoryAssignedEvent event) {
        state = state.withAssignee(event.assignee());
    }

    @EventSourcingHandler
    void on(StorySubmittedEvent event) {
        state = state.submitted(event.requiredSteps());
    }

    @EventSourcingHandler
    void on(ApprovalGrantedEvent event) {
        state = state.granted(new Approval(event.step(), event.approvedBy(), event.contentVersion()));
    }

    @EventSourcingHandler
    void on(ApprovalAttestedEvent event) {
        if (event.onBehalfOf() != null) {
            state = state.signedOnBehalfOf(event.step(), event.approvedBy(), event.onBehalfOf());
        }
    }

    @EventSourcingHandler
    void on(ApprovalPoliciesAppliedEvent event) {
        state = state.policiesApplied(new ReviewTerms(event.policies()));
    }

    @EventSourcingHandler
    void on(StoryApprovedEvent event) {
        state = state.withStatus(StoryStatus.APPROVED);
    }

    @EventSourcingHandler
    void on(ChangesRequestedEvent event) {
        state = state.backToWork();
    }

    @EventSourcingHandler
    void on(ApprovalWithdrawnEvent event) {
        state = state.backToWork();
    }

    @EventSourcingHandler
    void on(PlacementPlannedEvent event) {
        Placement placement = new Placement(event.placementId(), event.channelId(), event.requiredApprovalSteps(),
                event.slot(), PlacementStatus.PLANNED, DeliveryStatus.NONE, null, false, null, event.plannedBy());
        state = state.placementPlanned(placement, event.plannedBy(), event.contentVersion());
    }

    @EventSourcingHandler
    void on(PlacementRescheduledEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withSlot(event.slot()));
    }

    @EventSourcingHandler
    void on(PlacementCancelledEvent event) {
        state = state.placementChanged(event.placementId(),
                placement -> placement.withStatus(PlacementStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(PlacementPublishedEvent event) {
        state = state.placementChanged(event.placementId(),
                placement -> placement.withStatus(PlacementStatus.PUBLISHED));
    }

    @EventSourcingHandler
    void on(PlacementPublicationHeldEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.heldFor(event.rule()));
    }

    @EventSourcingHandler
    void on(PlacementDeliveryRetryingEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withDelivery(DeliveryStatus.RETRYING));
    }

    @EventSourcingHandler
    void on(PlacementDeliveredEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withDelivery(DeliveryStatus.DELIVERED));
    }

    @EventSourcingHandler
    void on(PlacementDeliveryFailedEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withDelivery(DeliveryStatus.FAILED));
    }

    @EventSourcingHandler
    void on(PlacementRedeliveryRequestedEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withDelivery(DeliveryStatus.PENDING));
    }

    @EventSourcingHandler
    void on(PlacementPausedEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withPaused(true));
    }

    @EventSourcingHandler
    void on(PlacementResumedEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.withPaused(false));
    }

    @EventSourcingHandler
    void on(PlacementClearedDuringCrisisEvent event) {
        state = state.placementChanged(event.placementId(), placement -> placement.clearedFor(event.crisisId()));
    }

    @EventSourcingHandler
    void on(QuietPeriodOverriddenEvent event) {
        state = state.quietPeriodOverridden(event.placementId(), event.blackoutId());
    }

    @EventSourcingHandler
    void on(StoryKilledEvent event) {
        state = state.withStatus(StoryStatus.KILLED);
        for (String withdrawn : event.withdrawnPlacements()) {
            state = state.placementChanged(withdrawn, placement -> placement.withStatus(PlacementStatus.CANCELLED));
        }
    }
}
