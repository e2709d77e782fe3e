package newsroom.api.story;

import java.time.Clock;
import java.util.List;

import newsroom.governance.ApprovalPolicy;
import newsroom.people.Actor;
import newsroom.story.AllowedActions;
import newsroom.story.Circumstances;
import newsroom.story.StoryActions;
import org.springframework.stereotype.Component;

/** Turns stored stories into answers for one caller, with what the domain says they may do next. */
@Component
class StoryAnswers {

    private final Clock clock;
    private final ApprovalPolicy policy;

    StoryAnswers(Clock clock, ApprovalPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    StoryAnswer forCaller(StoryView view, Actor caller) {
        return StoryAnswer.of(view, allowedActions(view, caller));
    }

    List<StoryAnswer> forCaller(List<StoryView> views, Actor caller) {
        return views.stream().map(view -> forCaller(view, caller)).toList();
    }

    AllowedActions allowedActions(StoryView view, Actor caller) {
        if (view.status == null) {
            return AllowedActions.none(); // stored but not yet projected: nothing known to decide on
        }
        return StoryActions.allowedFor(StoryStateMapper.stateOf(view), caller, Circumstances.at(clock.instant(), policy));
    }
}
