package newsroom.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A quiet period defined by a governance lead; the calendar marks placements inside it. */
public class BlackoutPeriod {

    @AggregateIdentifier
    private String blackoutId;
    private boolean lifted;

    protected BlackoutPeriod() {
        // for Axon
    }

    @CommandHandler
    public BlackoutPeriod(DefineBlackoutPeriodCommand command) {
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw new BlackoutPeriodInvalid("the period ends at " + command.endsAt() + ", not after it starts at "
                    + command.startsAt());
        }
        apply(new BlackoutPeriodDefinedEvent(command.blackoutId(), command.name(), Set.copyOf(command.channelIds()),
                command.startsAt(), command.endsAt(), command.reason(), command.definedBy().username()));
    }

    @CommandHandler
    public void handle(LiftBlackoutPeriodCommand command) {
        if (lifted) {
            throw new BlackoutPeriodInvalid("blackout period " + blackoutId + " is already lifted");
        }
        apply(new BlackoutPeriodLiftedEvent(blackoutId, command.reason(), command.liftedBy().username()));
    }

    @EventSourcingHandler
    void on(BlackoutPeriodDefinedEvent event) {
        blackoutId = event.blackoutId();
    }

    @EventSourcingHandler
    void on(BlackoutPeriodLiftedEvent event) {
        lifted = true;
    }
}
