package newsroom.api.story;

import java.time.Clock;
import java.util.List;

import newsroom.governance.ApprovalPolicy;
import newsroom.people.Actor;
import newsroom.story.AllowedActions;
import newsroom.story.Circumstances;
import newsroom.story.RestraintsSource;
import newsroom.story.StoryActions;
import org.springframework.stereotype.Component;

/** Turns stored stories into answers for one caller, with what the domain says they may do next. */
@Component
class StoryAnswers {

    private final Clock clock;
    private final ApprovalPolicy policy;
    private final RestraintsSource restraints;

    StoryAnswers(Clock clock, ApprovalPolicy policy, RestraintsSource restraints) {
        this.clock = clock;
        this.policy = policy;
        this.restraints = restraints;
    }

    StoryAnswer forCaller(StoryView view, Actor caller) {
        return StoryAnswer.of(view, allowedActions(view, caller, circumstances()));
    }

    /** The circumstances are read once for the whole list. */
    List<StoryAnswer> forCaller(List<StoryView> views, Actor caller) {
        Circumstances now = circumstances();
        return views.stream().map(view -> StoryAnswer.of(view, allowedActions(view, caller, now))).toList();
    }

    AllowedActions allowedActions(StoryView view, Actor caller) {
        return allowedActions(view, caller, circumstances());
    }

    /** Now, the policy, and the crisis and quiet periods in force: what the aggregate would decide with. */
    Circumstances circumstances() {
        return Circumstances.at(clock.instant(), policy).with(restraints.current());
    }

    private static AllowedActions allowedActions(StoryView view, Actor caller, Circumstances circumstances) {
        if (view.status == null) {
            return AllowedActions.none(); // stored but not yet projected: nothing known to decide on
        }
        return StoryActions.allowedFor(StoryStateMapper.stateOf(view), caller, circumstances);
    }
}
