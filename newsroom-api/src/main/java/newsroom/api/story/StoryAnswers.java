package newsroom.api.story;

import java.time.Clock;
import java.util.List;

import newsroom.api.governance.HeldDelegations;
import newsroom.api.security.Permissions;
import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
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
    private final HeldDelegations delegations;
    private final Permissions permissions;
    private final RestraintsSource restraints;

    StoryAnswers(Clock clock, ApprovalPolicy policy, HeldDelegations delegations, Permissions permissions,
                 RestraintsSource restraints) {
        this.clock = clock;
        this.policy = policy;
        this.delegations = delegations;
        this.permissions = permissions;
        this.restraints = restraints;
    }

    StoryAnswer forCaller(StoryView view, Actor caller) {
        return StoryAnswer.of(view, allowedActions(view, caller, circumstancesFor(caller)));
    }

    /** The circumstances are read once for the whole list. */
    List<StoryAnswer> forCaller(List<StoryView> views, Actor caller) {
        Circumstances circumstances = circumstancesFor(caller);
        return views.stream().map(view -> StoryAnswer.of(view, allowedActions(view, caller, circumstances))).toList();
    }

    /** The signing delegations naming this person, with their delegators' accounts (the domain decides on them). */
    HeldDelegations.Held delegationsHeldBy(Actor caller) {
        return delegations.by(caller.username());
    }

    /**
     * The signed-in person as someone who may approve: a governance lead, or someone holding a signing delegation
     * in force, as the domain decides. Others are refused early (403).
     */
    Actor approver() {
        Actor actor = permissions.require(Action.READ);
        // a lead needs no delegations read: the domain's answer starts from the role
        return actor.may(Action.APPROVE) || StoryActions.mayApprove(actor, circumstancesFor(actor)) ? actor
                : permissions.require(Action.APPROVE);
    }

    /**
     * Now, the policy, the person's delegations, and the crisis and quiet periods in force: what the aggregate
     * would decide with.
     */
    Circumstances circumstancesFor(Actor caller) {
        HeldDelegations.Held held = delegationsHeldBy(caller);
        return new Circumstances(clock.instant(), policy, held.delegations(), held.delegators(), restraints.current());
    }

    private static AllowedActions allowedActions(StoryView view, Actor caller, Circumstances circumstances) {
        if (view.status == null) {
            return AllowedActions.none(); // stored but not yet projected: nothing known to decide on
        }
        return StoryActions.allowedFor(StoryStateMapper.stateOf(view), caller, circumstances);
    }
}
