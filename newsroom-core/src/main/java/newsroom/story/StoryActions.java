package newsroom.story;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import newsroom.people.Action;
import newsroom.people.Actor;

/**
 * The decision function: what may this person do next with this story? A pure function of the story's
 * state, the person and the {@link Circumstances}, built from the very checks the {@link Story}
 * aggregate enforces ({@link StoryRules}), so it offers exactly the commands the aggregate would accept
 * (with some valid value for what the command brings, e.g. a slot after the embargo) and nothing it
 * would refuse. The API puts the answer on every story it returns; the inbox lists the stories with
 * approvable steps.
 */
public final class StoryActions {

    private StoryActions() {
    }

    public static AllowedActions allowedFor(StoryState story, Actor actor, Circumstances circumstances) {
        Set<String> approvable = new TreeSet<>();
        for (String step : story.requiredSteps()) {
            // offered when the person could sign having confirmed the whole checklist
            if (StoryRules.approve(story, actor, step, circumstances, Set.copyOf(story.checklist())).allowed()) {
                approvable.add(step);
            }
        }
        Set<Action> storyActions = EnumSet.noneOf(Action.class);
        for (Action action : Action.of(Action.Scope.STORY)) {
            boolean allowed = action == Action.APPROVE ? !approvable.isEmpty()
                    : storyVerdict(action, story, actor, circumstances).allowed();
            if (allowed) {
                storyActions.add(action);
            }
        }
        Map<String, Set<Action>> placementActions = new LinkedHashMap<>();
        for (Placement placement : story.placements()) {
            Set<Action> actions = EnumSet.noneOf(Action.class);
            for (Action action : Action.of(Action.Scope.PLACEMENT)) {
                if (placementVerdict(action, story, actor, placement.id(), circumstances).allowed()) {
                    actions.add(action);
                }
            }
            placementActions.put(placement.id(), actions);
        }
        return new AllowedActions(storyActions, placementActions, approvable);
    }

    /**
     * May this person approve anything at all now: a governance lead, or someone signing under a delegation in force.
     * The approval endpoints, the inbox and the approval topic ask this before anything story-specific.
     */
    public static boolean mayApprove(Actor actor, Circumstances circumstances) {
        return StoryRules.mayApprove(actor, circumstances);
    }

    private static Verdict storyVerdict(Action action, StoryState story, Actor actor, Circumstances circumstances) {
        return switch (action) {
            case ACCEPT_PITCH -> StoryRules.acceptPitch(story, actor);
            case DECLINE_PITCH -> StoryRules.declinePitch(story, actor);
            case EDIT_DRAFT -> StoryRules.editDraft(story, actor);
            case ASSIGN -> StoryRules.assign(story, actor);
            case SUBMIT -> StoryRules.submit(story, actor);
            case REQUEST_CHANGES -> StoryRules.requestChanges(story, actor);
            case PLAN_PLACEMENT -> StoryRules.planPlacement(story, actor, circumstances.restraints());
            case KILL_STORY -> StoryRules.killStory(story, actor);
            case COMMENT -> StoryRules.comment(story, actor);
            default -> throw new IllegalArgumentException(action + " has no story-level rule");
        };
    }

    private static Verdict placementVerdict(Action action, StoryState story, Actor actor, String placementId,
                                            Circumstances circumstances) {
        return switch (action) {
            case RESCHEDULE_PLACEMENT -> StoryRules.reschedulePlacement(story, actor, placementId, circumstances.restraints());
            case CANCEL_PLACEMENT -> StoryRules.cancelPlacement(story, actor, placementId);
            case PUBLISH_PLACEMENT -> StoryRules.publishPlacement(story, actor, placementId, circumstances);
            case REDELIVER_PLACEMENT -> StoryRules.redeliverPlacement(story, actor, placementId);
            case RESUME_PLACEMENT -> StoryRules.resumePlacement(story, actor, placementId, circumstances);
            case OVERRIDE_QUIET_PERIOD -> StoryRules.overrideQuietPeriod(story, actor, placementId,
                    circumstances.restraints());
            default -> throw new IllegalArgumentException(action + " has no placement rule");
        };
    }
}
