package newsroom.story;

import java.time.Instant;
import java.util.List;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;

/** Why a person may not do something to a story now; a refused command throws {@link #toException()}. */
public sealed interface Refusal {

    RuntimeException toException();

    /** A named story rule forbids it (answered 409 with the rule's name). */
    record RuleBroken(StoryRule rule, String detail) implements Refusal {
        @Override
        public RuntimeException toException() {
            return new StoryRuleViolation(rule, detail);
        }
    }

    /**
     * Quiet periods hold the placement's channel at that moment (answered 409 {@code QuietPeriodInForce}, naming
     * each period so that a client need not read the text).
     */
    record QuietPeriodsHold(String action, String placementId, String channelId, Instant at,
                            List<QuietPeriodHold> holds) implements Refusal {
        @Override
        public RuntimeException toException() {
            return new QuietPeriodInForce(action, placementId, channelId, at, holds);
        }
    }

    /** None of the person's roles may take the action at all (answered 403). */
    record RoleMissing(Action action, Actor actor) implements Refusal {
        @Override
        public RuntimeException toException() {
            return new MissingRole(action, actor);
        }
    }

    /** The command names a placement the story does not have (answered 404). */
    record PlacementMissing(String storyId, String placementId) implements Refusal {
        @Override
        public RuntimeException toException() {
            return new PlacementNotFound(storyId, placementId);
        }
    }
}
