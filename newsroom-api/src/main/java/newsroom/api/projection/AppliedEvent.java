package newsroom.api.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A read model has applied an event: its documents show the aggregate at {@code version} or later.
 *
 * @param position the event's global position (commit number)
 * @param replay   whether the event was applied again during a rebuild (it was announced before)
 */
public record AppliedEvent(String readModel, DomainEventMessage<?> event, long position, boolean replay) {

    /** The event as a read model applied it; outside a tracking processor it has no position (-1). */
    public static AppliedEvent of(String readModel, DomainEventMessage<?> event) {
        TrackingToken token = event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        return new AppliedEvent(readModel, event, token == null ? -1 : token.position().orElse(-1),
                token != null && ReplayToken.isReplay(token));
    }

    public String aggregateId() {
        return event.getAggregateIdentifier();
    }

    public long version() {
        return event.getSequenceNumber();
    }
}
