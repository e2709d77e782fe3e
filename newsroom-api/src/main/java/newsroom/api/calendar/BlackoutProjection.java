package newsroom.api.calendar;

import newsroom.calendar.BlackoutPeriodDefinedEvent;
import newsroom.calendar.BlackoutPeriodLiftedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code blackouts} read model; saving the whole view per event makes it idempotent. */
@Component
@ProcessingGroup(BlackoutProjection.PROCESSING_GROUP)
class BlackoutProjection {

    static final String PROCESSING_GROUP = "blackouts";

    private final BlackoutRepository blackouts;

    BlackoutProjection(BlackoutRepository blackouts) {
        this.blackouts = blackouts;
    }

    @EventHandler
    void on(BlackoutPeriodDefinedEvent event) {
        blackouts.save(new BlackoutView(event.blackoutId(), event.name(), event.channelIds(), event.startsAt(),
                event.endsAt(), event.reason(), event.definedBy(), false));
    }

    @EventHandler
    void on(BlackoutPeriodLiftedEvent event) {
        blackouts.find(event.blackoutId()).ifPresent(view -> blackouts.save(new BlackoutView(view.blackoutId(),
                view.name(), view.channelIds(), view.startsAt(), view.endsAt(), view.reason(), view.definedBy(), true)));
    }

    @ResetHandler
    void reset() {
        blackouts.deleteAll();
    }
}
