package newsroom.crisis;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The newsroom's crisis switch: one aggregate for the whole newsroom ({@link #NEWSROOM}), so "at most one crisis at
 * a time" is a rule of one consistent object and two leads switching at the same moment cannot both win. It only
 * records the switch; pausing and deciding about the placements is done by the stories themselves, each through
 * its own command (sent by the server's crisis handler), so every placement's history says what happened to it.
 */
public class CrisisMode {

    /** The id of the one crisis switch of the newsroom. */
    public static final String NEWSROOM = "crisis-mode";

    @AggregateIdentifier
    private String crisisModeId;
    /** The crisis in force; null while crisis mode is off. */
    private String activeCrisisId;

    protected CrisisMode() {
        // for Axon; also the state before the first switch
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SwitchCrisisModeOnCommand command) {
        requireRole(command.switchedOnBy());
        if (activeCrisisId != null) {
            throw new CrisisRuleViolation(CrisisRule.ALREADY_ON, "crisis " + activeCrisisId + " is in force");
        }
        apply(new CrisisModeSwitchedOnEvent(command.crisisId(), command.reason(), command.switchedOnBy().username(),
                command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EndCrisisModeCommand command) {
        requireRole(command.endedBy());
        if (activeCrisisId == null) {
            throw new CrisisRuleViolation(CrisisRule.NOT_ON, "crisis mode is off");
        }
        apply(new CrisisModeEndedEvent(activeCrisisId, command.reason(), command.decision(),
                command.endedBy().username(), command.at()));
    }

    private static void requireRole(Actor actor) {
        if (!actor.may(Action.SWITCH_CRISIS_MODE)) {
            throw new MissingRole(Action.SWITCH_CRISIS_MODE, actor);
        }
    }

    @EventSourcingHandler
    void on(CrisisModeSwitchedOnEvent event) {
        crisisModeId = NEWSROOM;
        activeCrisisId = event.crisisId();
    }

    @EventSourcingHandler
    void on(CrisisModeEndedEvent event) {
        crisisModeId = NEWSROOM;
        activeCrisisId = null;
    }
}
