package newsroom.api.calendar;

import java.util.List;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import newsroom.calendar.BlackoutPeriodDefinedEvent;
import newsroom.calendar.BlackoutPeriodLiftedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code blackouts} read model; saving the whole view per event makes it idempotent. */
@Component
@ProcessingGroup(BlackoutProjection.PROCESSING_GROUP)
class BlackoutProjection {

    static final String PROCESSING_GROUP = "blackouts";

    private final BlackoutRepository blackouts;
    private final ReadModelProgress progress;

    BlackoutProjection(BlackoutRepository blackouts, ReadModelProgress progress) {
        this.blackouts = blackouts;
        this.progress = progress;
    }

    @EventHandler
    void on(BlackoutPeriodDefinedEvent event, DomainEventMessage<?> message) {
        blackouts.save(new BlackoutView(event.blackoutId(), event.name(), event.channelIds(), event.startsAt(),
                event.endsAt(), event.reason(), event.definedBy(), false), message.getSequenceNumber());
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @EventHandler
    void on(BlackoutPeriodLiftedEvent event, DomainEventMessage<?> message) {
        blackouts.find(event.blackoutId()).ifPresent(view -> blackouts.save(new BlackoutView(view.blackoutId(),
                view.name(), view.channelIds(), view.startsAt(), view.endsAt(), view.reason(), view.definedBy(), true),
                message.getSequenceNumber()));
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @ResetHandler
    void reset() {
        blackouts.deleteAll();
    }
}
