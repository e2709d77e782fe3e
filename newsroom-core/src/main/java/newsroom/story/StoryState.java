package newsroom.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Everything the story's rules decide on, as one immutable value: the {@link Story} aggregate keeps its
 * state in it, and the API builds one from the stories read model to ask {@link StoryActions} what a
 * person may do next. Content other than the embargo is not here: no rule looks at it.
 *
 * @param lastEditedBy      who last changed the content (draft or a placement's text); four eyes applies
 * @param contentVersion    counts content changes; approvals hold for one content version
 * @param stepsAtSubmission the steps required when the story was last submitted (used when no placement
 *                          is planned)
 * @param grants            the approval signatures given for the current content version
 * @param review            the approval policy versions of the last submission; null when it was submitted
 *                          without versioned policies (before they existed), so every step needs one signature,
 *                          the injected policy names its group and there is no checklist
 * @param quietPeriodOverrides per placement id, the quiet periods (blackout ids) a governance lead overrode for it;
 *                          a placement id may be listed before it is planned
 */
public record StoryState(String storyId, StoryStatus status, String pitchedBy, String lastEditedBy, String assignee,
                         long contentVersion, Instant embargo, Set<String> stepsAtSubmission,
                         List<Placement> placements, List<Approval> grants, ReviewTerms review,
                         Map<String, Set<String>> quietPeriodOverrides) {

    public StoryState {
        stepsAtSubmission = stepsAtSubmission == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(stepsAtSubmission));
        placements = placements == null ? List.of() : List.copyOf(placements);
        grants = grants == null ? List.of() : List.copyOf(grants);
        Map<String, Set<String>> overrides = new TreeMap<>();
        if (quietPeriodOverrides != null) {
            quietPeriodOverrides.forEach((placementId, periods) -> overrides.put(placementId,
                    Collections.unmodifiableSortedSet(new TreeSet<>(periods))));
        }
        quietPeriodOverrides = Collections.unmodifiableMap(overrides);
    }

    /** A story submitted without versioned policies, or not submitted yet, and without quiet-period overrides. */
    public StoryState(String storyId, StoryStatus status, String pitchedBy, String lastEditedBy, String assignee,
                      long contentVersion, Instant embargo, Set<String> stepsAtSubmission,
                      List<Placement> placements, List<Approval> grants) {
        this(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo, stepsAtSubmission,
                placements, grants, null, Map.of());
    }

    /** A story without quiet-period overrides. */
    public StoryState(String storyId, StoryStatus status, String pitchedBy, String lastEditedBy, String assignee,
                      long contentVersion, Instant embargo, Set<String> stepsAtSubmission,
                      List<Placement> placements, List<Approval> grants, ReviewTerms review) {
        this(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo, stepsAtSubmission,
                placements, grants, review, Map.of());
    }

    /** A story submitted without versioned policies, or not submitted yet. */
    public StoryState(String storyId, StoryStatus status, String pitchedBy, String lastEditedBy, String assignee,
                      long contentVersion, Instant embargo, Set<String> stepsAtSubmission,
                      List<Placement> placements, List<Approval> grants,
                      Map<String, Set<String>> quietPeriodOverrides) {
        this(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo, stepsAtSubmission,
                placements, grants, null, quietPeriodOverrides);
    }

    static StoryState pitched(String storyId, String pitchedBy, Instant embargo) {
        return new StoryState(storyId, StoryStatus.PITCHED, pitchedBy, pitchedBy, null, 1, embargo, Set.of(),
                List.of(), List.of(), null, Map.of());
    }

    // ---- what the rules ask

    public boolean isEmbargoedAt(Instant moment) {
        return embargo != null && moment.isBefore(embargo);
    }

    public Optional<Placement> placement(String placementId) {
        return placements.stream().filter(placement -> placement.id().equals(placementId)).findFirst();
    }

    public List<Placement> plannedPlacements() {
        return placements.stream().filter(Placement::isPlanned).toList();
    }

    /** Whether a governance lead overrode this quiet period for this placement. */
    public boolean overridden(String placementId, String blackoutId) {
        return quietPeriodOverrides.getOrDefault(placementId, Set.of()).contains(blackoutId);
    }

    public List<Placement> pausedPlacements() {
        return placements.stream().filter(Placement::isPaused).toList();
    }

    public boolean isFullyPublished() {
        return placements.stream().anyMatch(placement -> placement.status() == PlacementStatus.PUBLISHED)
                && plannedPlacements().isEmpty();
    }

    /** The steps this version needs: those of the planned placements, or the steps at submission if none is. */
    public Set<String> requiredSteps() {
        List<Placement> planned = plannedPlacements();
        if (planned.isEmpty()) {
            return stepsAtSubmission;
        }
        Set<String> steps = new TreeSet<>();
        planned.forEach(placement -> steps.addAll(placement.requiredApprovalSteps()));
        return steps;
    }

    public Optional<Approval> grant(String step) {
        return grants.stream().filter(grant -> grant.step().equals(step)).findFirst();
    }

    /** The signatures given for the step, in order. */
    public List<Approval> grantsFor(String step) {
        return grants.stream().filter(grant -> grant.step().equals(step)).toList();
    }

    /** How many distinct members must sign the step (one unless a recorded policy asks for more). */
    public int signaturesFor(String step) {
        return review == null ? 1 : review.signaturesFor(step);
    }

    /** The guideline checklist an approver confirms; empty without recorded policies. */
    public List<String> checklist() {
        return review == null ? List.of() : review.checklist();
    }

    /** The steps with all the signatures they need. */
    public Set<String> grantedSteps() {
        Set<String> steps = new TreeSet<>();
        grants.forEach(grant -> {
            if (grantsFor(grant.step()).size() >= signaturesFor(grant.step())) {
                steps.add(grant.step());
            }
        });
        return steps;
    }

    public Set<String> pendingSteps() {
        Set<String> pending = new TreeSet<>(requiredSteps());
        pending.removeAll(grantedSteps());
        return pending;
    }

    // ---- how events change it (called by the aggregate's event-sourcing handlers only)

    StoryState withStatus(StoryStatus newStatus) {
        return new StoryState(storyId, newStatus, pitchedBy, lastEditedBy, assignee, contentVersion, embargo,
                stepsAtSubmission, placements, grants, review, quietPeriodOverrides);
    }

    StoryState withAssignee(String newAssignee) {
        return new StoryState(storyId, status, pitchedBy, lastEditedBy, newAssignee, contentVersion, embargo,
                stepsAtSubmission, placements, grants, review, quietPeriodOverrides);
    }

    StoryState edited(String editedBy, long newContentVersion, Instant newEmbargo) {
        return new StoryState(storyId, status, pitchedBy, editedBy, assignee, newContentVersion, newEmbargo,
                stepsAtSubmission, placements, grants, review, quietPeriodOverrides);
    }

    StoryState submitted(Set<String> requiredSteps) {
        return new StoryState(storyId, StoryStatus.IN_REVIEW, pitchedBy, lastEditedBy, assignee, contentVersion,
                embargo, requiredSteps, placements, List.of(), null, quietPeriodOverrides);
    }

    StoryState granted(Approval approval) {
        List<Approval> more = new ArrayList<>(grants);
        more.add(approval);
        return new StoryState(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo,
                stepsAtSubmission, placements, more, review, quietPeriodOverrides);
    }

    /** The approver's signature of this step was given on a lead's behalf (recorded right after the grant). */
    StoryState signedOnBehalfOf(String step, String approvedBy, String lead) {
        List<Approval> attested = grants.stream().map(grant -> grant.step().equals(step)
                && grant.approvedBy().equals(approvedBy) && grant.onBehalfOf() == null
                ? new Approval(step, approvedBy, grant.contentVersion(), lead) : grant).toList();
        return new StoryState(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo,
                stepsAtSubmission, placements, attested, review, quietPeriodOverrides);
    }

    /** The policies recorded at submission: their steps replace those the placements were planned with. */
    StoryState policiesApplied(ReviewTerms terms) {
        List<Placement> governed = placements.stream()
                .map(placement -> terms.stepsFor(placement.id()).map(placement::withSteps).orElse(placement))
                .toList();
        Set<String> steps = governed.stream().anyMatch(Placement::isPlanned) ? stepsAtSubmission : terms.allSteps();
        return new StoryState(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo, steps,
                governed, grants, terms, quietPeriodOverrides);
    }

    /** Changes were requested or the approval withdrawn: back to work, what was granted lapses. */
    StoryState backToWork() {
        return new StoryState(storyId, StoryStatus.IN_PROGRESS, pitchedBy, lastEditedBy, assignee, contentVersion,
                embargo, stepsAtSubmission, placements, List.of(), review, quietPeriodOverrides);
    }

    StoryState placementPlanned(Placement placement, String plannedBy, long newContentVersion) {
        List<Placement> more = new ArrayList<>(placements);
        more.add(placement);
        return new StoryState(storyId, status, pitchedBy, plannedBy, assignee, newContentVersion, embargo,
                stepsAtSubmission, more, grants, review, quietPeriodOverrides);
    }

    StoryState quietPeriodOverridden(String placementId, String blackoutId) {
        Map<String, Set<String>> more = new TreeMap<>(quietPeriodOverrides);
        Set<String> periods = new TreeSet<>(more.getOrDefault(placementId, Set.of()));
        periods.add(blackoutId);
        more.put(placementId, periods);
        return new StoryState(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo,
                stepsAtSubmission, placements, grants, review, more);
    }

    StoryState placementChanged(String placementId, UnaryOperator<Placement> change) {
        List<Placement> changed = placements.stream()
                .map(placement -> placement.id().equals(placementId) ? change.apply(placement) : placement)
                .toList();
        return new StoryState(storyId, status, pitchedBy, lastEditedBy, assignee, contentVersion, embargo,
                stepsAtSubmission, changed, grants, review, quietPeriodOverrides);
    }
}
