package newsroom.api.crisis;

import java.util.List;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import newsroom.crisis.CrisisModeEndedEvent;
import newsroom.crisis.CrisisModeSwitchedOnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code crisis} read model (what the dashboard's crisis banner and {@code GET /api/crisis} show).
 * Each event rewrites its crisis's whole document from the event's own fields, so applying it twice changes nothing.
 */
@Component
@ProcessingGroup(CrisisProjection.PROCESSING_GROUP)
class CrisisProjection {

    static final String PROCESSING_GROUP = "crisis";

    private final CrisisRepository crises;
    private final ReadModelProgress progress;

    CrisisProjection(CrisisRepository crises, ReadModelProgress progress) {
        this.crises = crises;
        this.progress = progress;
    }

    @EventHandler
    void on(CrisisModeSwitchedOnEvent event, DomainEventMessage<?> message) {
        crises.save(new CrisisView(event.crisisId(), event.reason(), event.switchedOnBy(), event.switchedOnAt(), null,
                null, null, null, message.getSequenceNumber()));
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @EventHandler
    void on(CrisisModeEndedEvent event, DomainEventMessage<?> message) {
        crises.find(event.crisisId()).ifPresent(on -> crises.save(new CrisisView(on.crisisId(), on.reason(),
                on.switchedOnBy(), on.switchedOnAt(), event.endedBy(), event.endedAt(), event.reason(),
                event.decision(), message.getSequenceNumber())));
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @ResetHandler
    void reset() {
        crises.deleteAll();
    }
}
