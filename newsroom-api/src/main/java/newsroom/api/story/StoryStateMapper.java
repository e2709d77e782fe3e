package newsroom.api.story;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import newsroom.story.Approval;
import newsroom.story.Placement;
import newsroom.story.ReviewTerms;
import newsroom.story.StoryState;

/**
 * Reads the domain's {@link StoryState} off a stored {@link StoryView}, so the API asks the same
 * decision function the aggregate enforces. The view's approvals are the grants of the current content
 * version (the projection clears them whenever the aggregate does), and its required steps are those of
 * the last submission.
 */
final class StoryStateMapper {

    private StoryStateMapper() {
    }

    static StoryState stateOf(StoryView view) {
        List<Placement> placements = view.placements.stream()
                .map(placement -> new Placement(placement.placementId, placement.channelId,
                        placement.requiredApprovalSteps, placement.slot, placement.status, placement.delivery,
                        placement.heldFor, placement.paused, placement.clearedForCrisis, placement.plannedBy))
                .toList();
        List<Approval> grants = view.approvals.stream()
                .map(approval -> new Approval(approval.step(), approval.approvedBy(), approval.contentVersion(),
                        approval.onBehalfOf()))
                .toList();
        ReviewTerms review = view.approvalPolicies == null || view.approvalPolicies.isEmpty() ? null
                : new ReviewTerms(view.approvalPolicies);
        Map<String, Set<String>> overrides = new TreeMap<>();
        view.quietPeriodOverrides.forEach(override -> overrides
                .computeIfAbsent(override.placementId(), id -> new TreeSet<>()).add(override.blackoutId()));
        return new StoryState(view.storyId, view.status, view.pitchedBy, view.lastEditedBy, view.assignee,
                view.contentVersion, view.embargo, view.requiredApprovalSteps, placements, grants, review, overrides);
    }
}
