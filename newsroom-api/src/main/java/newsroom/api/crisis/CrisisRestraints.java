package newsroom.api.crisis;

import java.util.Iterator;

import newsroom.api.calendar.QuietPeriods;
import newsroom.crisis.CrisisMode;
import newsroom.crisis.CrisisModeEndedEvent;
import newsroom.crisis.CrisisModeSwitchedOnEvent;
import newsroom.story.Restraints;
import newsroom.story.RestraintsSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The restraints the story rules see. Crisis mode is read from the crisis switch's own events in the event store,
 * not from a read model: the moment a lead's switch is stored, every later command is refused accordingly, on
 * every server instance, with no projection lag. Quiet periods are defined ahead of time, so their read model is
 * current enough.
 */
@Component
class CrisisRestraints implements RestraintsSource {

    private final EventStore events;
    private final QuietPeriods quietPeriods;

    CrisisRestraints(EventStore events, QuietPeriods quietPeriods) {
        this.events = events;
        this.quietPeriods = quietPeriods;
    }

    @Override
    public Restraints current() {
        return new Restraints(activeCrisisId(), quietPeriods.inForce());
    }

    /** The crisis in force, from the switch's events (a few per crisis, read by one exact key); null when off. */
    String activeCrisisId() {
        String active = null;
        for (Iterator<? extends DomainEventMessage<?>> it = events.readEvents(CrisisMode.NEWSROOM); it.hasNext(); ) {
            Object payload = it.next().getPayload();
            if (payload instanceof CrisisModeSwitchedOnEvent on) {
                active = on.crisisId();
            } else if (payload instanceof CrisisModeEndedEvent) {
                active = null;
            }
        }
        return active;
    }
}
