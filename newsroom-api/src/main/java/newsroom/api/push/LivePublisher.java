package newsroom.api.push;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes every story change to the subscribed dashboards, after the read models show it, so a client
 * that reloads on a push sees the change. It has its own tracking processor ({@code live}) that starts at
 * the head of the event stream: a client that was away catches up through {@code /api/live/updates}.
 */
@Component
@ProcessingGroup(LivePublisher.PROCESSING_GROUP)
class LivePublisher {

    static final String PROCESSING_GROUP = "live";

    private final LiveUpdates updates;
    private final SimpMessagingTemplate broker;

    LivePublisher(LiveUpdates updates, SimpMessagingTemplate broker) {
        this.updates = updates;
        this.broker = broker;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, TrackingToken token) {
        if (ReplayToken.isReplay(token) || token.position().isEmpty()) {
            return;
        }
        LiveUpdate update = updates.of(event, token.position().getAsLong());
        if (update == null) {
            return;
        }
        broker.convertAndSend(Topics.BOARD, update);
        broker.convertAndSend(Topics.story(update.storyId()), update);
        if (LiveUpdates.concernsCalendar(update)) {
            broker.convertAndSend(Topics.CALENDAR, update);
            update.story().placements().stream().map(placement -> placement.channelId()).distinct()
                    .forEach(channelId -> broker.convertAndSend(Topics.calendarChannel(channelId), update));
        }
        if (LiveUpdates.concernsReview(payload)) {
            broker.convertAndSend(Topics.APPROVALS, update);
        }
    }
}
