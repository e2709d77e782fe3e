package newsroom.story;

import static newsroom.story.StoryStatus.APPROVED;
import static newsroom.story.StoryStatus.IN_PROGRESS;
import static newsroom.story.StoryStatus.IN_REVIEW;
import static newsroom.story.StoryStatus.PITCHED;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import newsroom.calendar.Blackout;
import newsroom.channel.Channel;
import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;

/**
 * Every rule of the story workflow, once. One method per command says whether this person may give it
 * to this story now; the {@link Story} aggregate enforces the verdict before it applies anything, and
 * {@link StoryActions} offers exactly what these methods allow. Checks run in a fixed order and the
 * first refusal wins: the role (from {@link Action}), the story being open, its workflow state, then
 * the rules particular to the command.
 * <p>
 * Overloads with the command's own values (a slot, a step, new content) add the checks that depend on
 * them; the overload without them answers "is there any way to do this now", which is what a person
 * is offered.
 */
final class StoryRules {

    private static final StoryStatus[] IN_WORK = {IN_PROGRESS, IN_REVIEW, APPROVED};

    private StoryRules() {
    }

    static Verdict pitch(String storyId, StoryContent content, Actor actor) {
        return role(actor, Action.PITCH).then(() -> notItsOwnSource(storyId, content));
    }

    static Verdict acceptPitch(StoryState story, Actor actor) {
        return role(actor, Action.ACCEPT_PITCH).then(() -> open(story))
                .then(() -> status(story, "accept the pitch", PITCHED));
    }

    static Verdict declinePitch(StoryState story, Actor actor) {
        return role(actor, Action.DECLINE_PITCH).then(() -> open(story))
                .then(() -> status(story, "decline the pitch", PITCHED));
    }

    static Verdict editDraft(StoryState story, Actor actor) {
        return role(actor, Action.EDIT_DRAFT).then(() -> open(story)).then(() -> mayChangeContent(story, actor));
    }

    static Verdict editDraft(StoryState story, Actor actor, StoryContent edited) {
        return editDraft(story, actor).then(() -> notItsOwnSource(story.storyId(), edited))
                .then(() -> noPlannedSlotBeforeEmbargo(story, edited.embargo()));
    }

    static Verdict assign(StoryState story, Actor actor) {
        return role(actor, Action.ASSIGN).then(() -> open(story)).then(() -> status(story, "assign", IN_WORK));
    }

    static Verdict submit(StoryState story, Actor actor) {
        return role(actor, Action.SUBMIT).then(() -> open(story)).then(() -> status(story, "submit", IN_PROGRESS))
                .then(() -> mayChangeContent(story, actor));
    }

    /**
     * May this person approve anything of this story: their role (or a signing delegation in force), the state,
     * four eyes.
     */
    static Verdict approve(StoryState story, Actor actor, Circumstances circumstances) {
        return approverRole(actor, circumstances).then(() -> open(story))
                .then(() -> status(story, "approve", IN_REVIEW))
                .then(() -> fourEyes(story, actor.username()));
    }

    /**
     * May this person sign this step (null or blank: the only pending one) now, having confirmed these checklist
     * items. The recorded policy (or, for a story submitted before policies were versioned, the injected one) says
     * which group signs the step; a member of it who is not a governance lead signs on a lead's behalf while that
     * lead's delegation to them is in force.
     */
    static Verdict approve(StoryState story, Actor actor, String requestedStep, Circumstances circumstances,
                           Set<String> confirmedChecklist) {
        return approve(story, actor, circumstances).then(() -> stepNamedUnlessOnlyOne(story, requestedStep))
                .then(() -> approvableStep(story, actor, stepToApprove(story, requestedStep), circumstances))
                .then(() -> checklistConfirmed(story, confirmedChecklist));
    }

    /**
     * The delegation a signature of this step is given under: empty when the person signs for themself. Only
     * meaningful once {@link #approve(StoryState, Actor, String, Circumstances, Set)} allowed it.
     */
    static Optional<Delegation> signingDelegation(StoryState story, Actor actor, String step,
                                                  Circumstances circumstances) {
        Optional<String> group = signingGroup(story, step, circumstances.policy());
        if (group.isEmpty() || (actor.may(Action.APPROVE) && actor.belongsTo(group.get()))) {
            return Optional.empty();
        }
        List<Delegation> usable = delegationsHeldBy(actor, circumstances).stream()
                .filter(delegation -> delegation.group().equals(group.get()) && actor.belongsTo(group.get()))
                .filter(delegation -> fourEyes(story, delegation.delegator()).allowed())
                .toList();
        // a lead who signed already (or through another delegate) does not sign again: prefer another lead's
        return usable.stream().filter(delegation -> signedEarlier(story, Set.of(delegation.delegator())).isEmpty())
                .findFirst().or(() -> usable.stream().findFirst());
    }

    /** The delegations in force that this person may sign under: none for someone who only reads or runs operations. */
    private static List<Delegation> delegationsHeldBy(Actor actor, Circumstances circumstances) {
        return actor.may(Action.SIGN_ON_BEHALF) ? circumstances.delegationsHeldBy(actor.username()) : List.of();
    }

    /** The signature of this content version given by, or on behalf of, one of these people. */
    private static Optional<Approval> signedEarlier(StoryState story, Set<String> people) {
        return story.grants().stream().filter(grant -> grant.signers().stream().anyMatch(people::contains)).findFirst();
    }

    /** The step an approval is for: the named one, or the only pending one. */
    static String stepToApprove(StoryState story, String requestedStep) {
        if (requestedStep != null && !requestedStep.isBlank()) {
            return requestedStep;
        }
        Set<String> pending = story.pendingSteps();
        return pending.size() == 1 ? pending.iterator().next() : null;
    }

    static Verdict requestChanges(StoryState story, Actor actor) {
        return role(actor, Action.REQUEST_CHANGES).then(() -> open(story))
                .then(() -> status(story, "request changes", IN_REVIEW, APPROVED));
    }

    static Verdict planPlacement(StoryState story, Actor actor, Restraints restraints) {
        return role(actor, Action.PLAN_PLACEMENT).then(() -> open(story))
                .then(() -> status(story, "plan a placement", IN_WORK))
                .then(() -> crisisAllows(actor, restraints, "plan a placement"));
    }

    static Verdict planPlacement(StoryState story, Actor actor, String placementId, String channelId, Instant slot,
                                 Restraints restraints) {
        return planPlacement(story, actor, restraints).then(() -> placementIdFree(story, placementId))
                .then(() -> slotNotBeforeEmbargo(story, slot))
                .then(() -> outsideQuietPeriods(story, actor, placementId, channelId, slot, restraints, "plan"));
    }

    /** With the channel itself: a retired one takes no new placement. */
    static Verdict planPlacement(StoryState story, Actor actor, String placementId, Channel channel, Instant slot,
                                 Restraints restraints) {
        return planPlacement(story, actor, placementId, channel.id(), slot, restraints)
                .then(() -> channelInService(channel));
    }

    private static Verdict channelInService(Channel channel) {
        return channel.retired() ? Verdict.refused(StoryRule.CHANNEL_RETIRED,
                "channel '" + channel.id() + "' is retired") : Verdict.ALLOWED;
    }

    static Verdict reschedulePlacement(StoryState story, Actor actor, String placementId, Restraints restraints) {
        return role(actor, Action.RESCHEDULE_PLACEMENT).then(() -> open(story))
                .then(() -> stillPlanned(story, placementId))
                .then(() -> crisisAllows(actor, restraints, "move a placement"));
    }

    static Verdict reschedulePlacement(StoryState story, Actor actor, String placementId, Instant slot,
                                       Restraints restraints) {
        return reschedulePlacement(story, actor, placementId, restraints).then(() -> slotNotBeforeEmbargo(story, slot))
                .then(() -> outsideQuietPeriods(story, actor, placementId,
                        story.placement(placementId).orElseThrow().channelId(), slot, restraints, "move"));
    }

    static Verdict cancelPlacement(StoryState story, Actor actor, String placementId) {
        return role(actor, Action.CANCEL_PLACEMENT).then(() -> open(story))
                .then(() -> stillPlanned(story, placementId));
    }

    static Verdict publishPlacement(StoryState story, Actor actor, String placementId, Circumstances circumstances) {
        return role(actor, Action.PUBLISH_PLACEMENT).then(() -> open(story))
                .then(() -> stillPlanned(story, placementId))
                .then(() -> crisisAllowsPublishing(actor, story.placement(placementId).orElseThrow(),
                        circumstances.restraints()))
                .then(() -> notPaused(story.placement(placementId).orElseThrow()))
                .then(() -> outsideQuietPeriods(story, actor, placementId,
                        story.placement(placementId).orElseThrow().channelId(), circumstances.now(),
                        circumstances.restraints(), "publish"))
                .then(() -> embargoLifted(story, circumstances.now()))
                .then(() -> approvalsComplete(story, story.placement(placementId).orElseThrow()));
    }

    static Verdict redeliverPlacement(StoryState story, Actor actor, String placementId) {
        return role(actor, Action.REDELIVER_PLACEMENT).then(() -> open(story))
                .then(() -> published(story, placementId))
                .then(() -> deliveryFailed(story.placement(placementId).orElseThrow()));
    }

    /** Newsroom records a delivery's progress; no person does, so there is no role to check. */
    static Verdict recordDelivery(StoryState story, String placementId) {
        return published(story, placementId);
    }

    /** Newsroom holds a due placement for an editor; only one still waiting to go out can be held. */
    static Verdict holdPlacement(StoryState story, String placementId) {
        return stillPlanned(story, placementId);
    }

    /** Resume a paused placement as it is: not while the crisis holds (unless a lead), never once its slot passed. */
    static Verdict resumePlacement(StoryState story, Actor actor, String placementId, Circumstances circumstances) {
        return role(actor, Action.RESUME_PLACEMENT).then(() -> open(story))
                .then(() -> stillPlanned(story, placementId))
                .then(() -> paused(story.placement(placementId).orElseThrow()))
                .then(() -> crisisAllows(actor, circumstances.restraints(), "resume a placement"))
                .then(() -> slotAhead(story.placement(placementId).orElseThrow(), circumstances.now()));
    }

    /** May this person override some quiet period for this planned placement: one that holds its channel. */
    static Verdict overrideQuietPeriod(StoryState story, Actor actor, String placementId, Restraints restraints) {
        return role(actor, Action.OVERRIDE_QUIET_PERIOD).then(() -> open(story))
                .then(() -> stillPlanned(story, placementId))
                .then(() -> {
                    Placement placement = story.placement(placementId).orElseThrow();
                    boolean any = restraints.onChannel(placement.channelId()).stream()
                            .anyMatch(period -> !story.overridden(placementId, period.blackoutId()));
                    return any ? Verdict.ALLOWED : Verdict.refused(StoryRule.QUIET_PERIOD_NOT_ON_CHANNEL,
                            "no quiet period in force holds " + placement.channelId() + " that is not overridden for "
                                    + placementId + " already");
                });
    }

    /**
     * May this person override this quiet period for this placement. The placement need not be planned yet (so a
     * lead can clear a plan before it is made); if it is, it must still be planned and on a channel the period holds.
     */
    static Verdict overrideQuietPeriod(StoryState story, Actor actor, String placementId, String blackoutId,
                                       Restraints restraints) {
        return role(actor, Action.OVERRIDE_QUIET_PERIOD).then(() -> open(story))
                .then(() -> story.placement(placementId).isPresent() ? stillPlanned(story, placementId) : Verdict.ALLOWED)
                .then(() -> {
                    Optional<Blackout> period = restraints.quietPeriod(blackoutId);
                    if (period.isEmpty()) {
                        return Verdict.refused(StoryRule.QUIET_PERIOD_NOT_IN_FORCE,
                                "quiet period " + blackoutId + " is not in force (unknown or lifted)");
                    }
                    Optional<Placement> placement = story.placement(placementId);
                    Set<String> channels = period.get().channelIds();
                    if (placement.isPresent() && !channels.isEmpty() && !channels.contains(placement.get().channelId())) {
                        return Verdict.refused(StoryRule.QUIET_PERIOD_NOT_ON_CHANNEL, "quiet period '"
                                + period.get().name() + "' holds " + channels + ", not " + placement.get().channelId());
                    }
                    return story.overridden(placementId, blackoutId)
                            ? Verdict.refused(StoryRule.QUIET_PERIOD_ALREADY_OVERRIDDEN, "quiet period '"
                                    + period.get().name() + "' is already overridden for " + placementId)
                            : Verdict.ALLOWED;
                });
    }

    /** Crisis mode pauses and decides in bulk for the lead who switched it (role checked again here). */
    static Verdict runCrisis(Actor actor) {
        return role(actor, Action.SWITCH_CRISIS_MODE);
    }

    static Verdict killStory(StoryState story, Actor actor) {
        return role(actor, Action.KILL_STORY).then(() -> open(story)).then(() -> notFullyPublished(story));
    }

    static Verdict comment(StoryState story, Actor actor) {
        return role(actor, Action.COMMENT).then(() -> open(story));
    }

    // ---- the rules themselves

    /** While crisis mode is on, only governance leads schedule or publish (a crisis narrows who may, never widens). */
    private static Verdict crisisAllows(Actor actor, Restraints restraints, String action) {
        return restraints.crisisActive() && !actor.has(Role.GOVERNANCE_LEAD)
                ? Verdict.refused(StoryRule.CRISIS_MODE_ACTIVE, "crisis mode is on (" + restraints.activeCrisisId()
                        + "): only a governance lead may " + action + " now")
                : Verdict.ALLOWED;
    }

    /**
     * During a crisis only a lead publishes by hand; Newsroom's scheduler also publishes, at its slot, a placement a
     * lead planned, moved or resumed during this crisis: clearing it means it goes out as scheduled.
     */
    private static Verdict crisisAllowsPublishing(Actor actor, Placement placement, Restraints restraints) {
        boolean clearedForThisCrisis = restraints.crisisActive()
                && restraints.activeCrisisId().equals(placement.clearedForCrisis());
        return clearedForThisCrisis && Actor.SCHEDULER.equals(actor.username()) ? Verdict.ALLOWED
                : crisisAllows(actor, restraints, "publish");
    }

    /**
     * No quiet period holds the channel at that moment, except those a lead overrode for this placement. A refusal
     * names every period that holds it and whether this person may override each (so the override can be offered).
     */
    private static Verdict outsideQuietPeriods(StoryState story, Actor actor, String placementId, String channelId,
                                               Instant moment, Restraints restraints, String action) {
        List<QuietPeriodHold> holds = restraints.covering(channelId, moment).stream()
                .filter(period -> !story.overridden(placementId, period.blackoutId()))
                .map(period -> new QuietPeriodHold(period,
                        overrideQuietPeriod(story, actor, placementId, period.blackoutId(), restraints).allowed()))
                .toList();
        return holds.isEmpty() ? Verdict.ALLOWED
                : Verdict.refused(new Refusal.QuietPeriodsHold(action, placementId, channelId, moment, holds));
    }

    private static Verdict notPaused(Placement placement) {
        return placement.isPaused() ? Verdict.refused(StoryRule.PLACEMENT_PAUSED, "placement " + placement.id()
                + " is paused by crisis mode; resume or reschedule it first") : Verdict.ALLOWED;
    }

    private static Verdict paused(Placement placement) {
        return placement.isPaused() ? Verdict.ALLOWED
                : Verdict.refused(StoryRule.PLACEMENT_NOT_PAUSED, "placement " + placement.id() + " is not paused");
    }

    private static Verdict slotAhead(Placement placement, Instant now) {
        return placement.slot().isAfter(now) ? Verdict.ALLOWED : Verdict.refused(StoryRule.PAUSED_SLOT_PASSED,
                "the slot " + placement.slot() + " of placement " + placement.id() + " passed while it was paused; "
                        + "reschedule or cancel it");
    }

    private static Verdict role(Actor actor, Action action) {
        return actor.may(action) ? Verdict.ALLOWED : Verdict.refused(new Refusal.RoleMissing(action, actor));
    }

    private static Verdict open(StoryState story) {
        return story.status().isClosed()
                ? Verdict.refused(StoryRule.STORY_CLOSED, "story " + story.storyId() + " is " + story.status())
                : Verdict.ALLOWED;
    }

    private static Verdict status(StoryState story, String action, StoryStatus... allowed) {
        for (StoryStatus candidate : allowed) {
            if (story.status() == candidate) {
                return Verdict.ALLOWED;
            }
        }
        return Verdict.refused(StoryRule.INVALID_TRANSITION,
                "cannot " + action + " a story that is " + story.status() + "; allowed in " + List.of(allowed));
    }

    /** Editors change any story; a contributor only one they pitched or are assigned to. */
    private static Verdict mayChangeContent(StoryState story, Actor actor) {
        String name = actor.username();
        if (actor.has(Role.EDITOR) || name.equals(story.pitchedBy()) || name.equals(story.assignee())) {
            return Verdict.ALLOWED;
        }
        return Verdict.refused(StoryRule.OWN_DRAFTS_ONLY,
                name + " neither pitched nor is assigned to story " + story.storyId());
    }

    private static Verdict notItsOwnSource(String storyId, StoryContent content) {
        return storyId.equals(content.sourceStoryId())
                ? Verdict.refused(StoryRule.NOT_ITS_OWN_SOURCE, "story " + storyId + " names itself as source")
                : Verdict.ALLOWED;
    }

    private static Verdict noPlannedSlotBeforeEmbargo(StoryState story, Instant newEmbargo) {
        Optional<Placement> early = story.plannedPlacements().stream()
                .filter(placement -> newEmbargo != null && placement.slot().isBefore(newEmbargo))
                .findFirst();
        return early.map(placement -> Verdict.refused(StoryRule.SLOT_BEFORE_EMBARGO, "placement " + placement.id()
                        + " is planned for " + placement.slot() + ", before the new embargo " + newEmbargo))
                .orElse(Verdict.ALLOWED);
    }

    /**
     * A slot is planned or moved only ahead of the decision: a passed slot would go out at once (or be held as
     * missed), which is publishing, not planning; and a paused placement moved to one would go out late after all.
     *
     * @param now the moment of the decision; null where none is known (nothing to check against)
     */
    static Verdict slotAhead(Instant slot, Instant now) {
        return now == null || slot.isAfter(now) ? Verdict.ALLOWED : Verdict.refused(StoryRule.SLOT_IN_THE_PAST,
                "slot " + slot + " has passed (it is " + now + "): pick a later slot, or publish the placement now");
    }

    private static Verdict slotNotBeforeEmbargo(StoryState story, Instant slot) {
        return story.isEmbargoedAt(slot)
                ? Verdict.refused(StoryRule.SLOT_BEFORE_EMBARGO, "slot " + slot + " is before the embargo " + story.embargo())
                : Verdict.ALLOWED;
    }

    private static Verdict approverRole(Actor actor, Circumstances circumstances) {
        return actor.may(Action.APPROVE) || !delegationsHeldBy(actor, circumstances).isEmpty()
                ? Verdict.ALLOWED : role(actor, Action.APPROVE);
    }

    /** May this person approve anything at all now: a governance lead, or someone signing under a delegation in force. */
    static boolean mayApprove(Actor actor, Circumstances circumstances) {
        return approverRole(actor, circumstances).allowed();
    }

    /**
     * Four eyes for whoever signs: the approver, and a lead on whose behalf a delegate signs. Their own work is the
     * story they pitched or last edited, and the text of a placement they planned (unless it was cancelled).
     */
    private static Verdict fourEyes(StoryState story, String approver) {
        if (approver.equals(story.pitchedBy()) || approver.equals(story.lastEditedBy())) {
            return Verdict.refused(StoryRule.FOUR_EYES, approver + " pitched or last edited this story and cannot approve it");
        }
        return story.placements().stream()
                .filter(placement -> placement.status() != PlacementStatus.CANCELLED
                        && approver.equals(placement.writtenBy()))
                .findFirst()
                .map(placement -> Verdict.refused(StoryRule.FOUR_EYES, approver + " wrote the text of placement "
                        + placement.id() + " and cannot approve this story"))
                .orElse(Verdict.ALLOWED);
    }

    private static Verdict stepNamedUnlessOnlyOne(StoryState story, String requestedStep) {
        return stepToApprove(story, requestedStep) == null
                ? Verdict.refused(StoryRule.APPROVAL_STEP_MUST_BE_NAMED, "pending steps: " + story.pendingSteps())
                : Verdict.ALLOWED;
    }

    private static Verdict approvableStep(StoryState story, Actor actor, String step, Circumstances circumstances) {
        Set<String> required = story.requiredSteps();
        if (!required.contains(step)) {
            return Verdict.refused(StoryRule.APPROVAL_STEP_NOT_REQUIRED,
                    "step '" + step + "' is not among the required steps " + required);
        }
        Optional<String> signingGroup = signingGroup(story, step, circumstances.policy());
        boolean signsForThemself = signingGroup.isPresent() && actor.may(Action.APPROVE)
                && actor.belongsTo(signingGroup.get());
        Optional<Delegation> delegation = signsForThemself ? Optional.empty()
                : signingDelegation(story, actor, step, circumstances);
        if (!signsForThemself && delegation.isEmpty()) {
            return Verdict.refused(StoryRule.APPROVER_NOT_IN_STEP_GROUP, signingGroup
                    .map(group -> actor.username() + " is not a governance lead in '" + group
                            + "' (nor holds a lead's delegation for it), which signs step '" + step + "'")
                    .orElse("the approval policy names no group that signs step '" + step + "'"));
        }
        if (story.grantedSteps().contains(step)) {
            return Verdict.refused(StoryRule.APPROVAL_STEP_ALREADY_GRANTED, "step '" + step + "' has its "
                    + story.signaturesFor(step) + " signature(s): " + story.grantsFor(step).stream()
                    .map(Approval::approvedBy).toList());
        }
        // one person's authority counts once per version: signed by them, or by a delegate on their behalf
        Set<String> signers = delegation.map(held -> Set.of(actor.username(), held.delegator()))
                .orElse(Set.of(actor.username()));
        return signedEarlier(story, signers).map(earlier -> Verdict.refused(StoryRule.DISTINCT_APPROVERS,
                        earlier.approvedBy() + (earlier.onBehalfOf() == null ? "" : " on behalf of " + earlier.onBehalfOf())
                        + " already signed step '" + earlier.step() + "' of content version " + story.contentVersion()
                        + ", so " + actor.username() + delegation.map(held -> " on behalf of " + held.delegator()).orElse("")
                        + " does not sign it again"))
                .orElse(Verdict.ALLOWED);
    }

    /** The group that signs a step: the step's own name under recorded policies, else the injected policy's. */
    private static Optional<String> signingGroup(StoryState story, String step, ApprovalPolicy policy) {
        return story.review() != null ? Optional.of(step) : policy.signingGroup(step);
    }

    private static Verdict checklistConfirmed(StoryState story, Set<String> confirmed) {
        List<String> missing = story.checklist().stream().filter(item -> !confirmed.contains(item)).toList();
        return missing.isEmpty() ? Verdict.ALLOWED : Verdict.refused(StoryRule.CHECKLIST_NOT_CONFIRMED,
                "not confirmed: " + missing);
    }

    private static Verdict placementIdFree(StoryState story, String placementId) {
        return story.placement(placementId).isPresent()
                ? Verdict.refused(StoryRule.PLACEMENT_ALREADY_EXISTS, "placement " + placementId)
                : Verdict.ALLOWED;
    }

    /** The placement exists and is neither published nor cancelled. */
    private static Verdict stillPlanned(StoryState story, String placementId) {
        Optional<Placement> placement = story.placement(placementId);
        if (placement.isEmpty()) {
            return Verdict.refused(new Refusal.PlacementMissing(story.storyId(), placementId));
        }
        return switch (placement.get().status()) {
            case PLANNED -> Verdict.ALLOWED;
            case PUBLISHED -> Verdict.refused(StoryRule.PLACEMENT_ALREADY_PUBLISHED,
                    "placement " + placementId + " is already published");
            case CANCELLED -> Verdict.refused(StoryRule.PLACEMENT_CANCELLED,
                    "placement " + placementId + " was cancelled");
        };
    }

    private static Verdict published(StoryState story, String placementId) {
        Optional<Placement> placement = story.placement(placementId);
        if (placement.isEmpty()) {
            return Verdict.refused(new Refusal.PlacementMissing(story.storyId(), placementId));
        }
        return placement.get().status() == PlacementStatus.PUBLISHED ? Verdict.ALLOWED
                : Verdict.refused(StoryRule.PLACEMENT_NOT_PUBLISHED, "placement " + placementId + " is "
                + placement.get().status().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Verdict deliveryFailed(Placement placement) {
        return placement.delivery() == DeliveryStatus.FAILED ? Verdict.ALLOWED
                : Verdict.refused(StoryRule.DELIVERY_NOT_FAILED, "the delivery of placement " + placement.id()
                + " is " + placement.delivery().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Verdict embargoLifted(StoryState story, Instant now) {
        return story.isEmbargoedAt(now)
                ? Verdict.refused(StoryRule.EMBARGO_NOT_LIFTED, "embargoed until " + story.embargo())
                : Verdict.ALLOWED;
    }

    private static Verdict approvalsComplete(StoryState story, Placement placement) {
        Set<String> missing = new TreeSet<>(placement.requiredApprovalSteps());
        missing.removeAll(story.grantedSteps());
        return missing.isEmpty() ? Verdict.ALLOWED : Verdict.refused(StoryRule.REQUIRED_APPROVALS_MISSING,
                "content version " + story.contentVersion() + " lacks approval steps " + missing);
    }

    private static Verdict notFullyPublished(StoryState story) {
        return story.isFullyPublished()
                ? Verdict.refused(StoryRule.STORY_FULLY_PUBLISHED, "every placement is already published")
                : Verdict.ALLOWED;
    }
}
