package newsroom.api.audit;

import java.time.Clock;
import java.util.UUID;

import newsroom.api.axon.MessageMetadata;
import newsroom.audit.AuditTrailReadEvent;
import newsroom.people.Actor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Records each read and export of the audit as an {@link AuditTrailReadEvent} in the event store, so the
 * audit shows who looked at it (and the hash chain covers that too). The event belongs to no aggregate.
 */
@Component
class AuditTrailReads {

    private final EventGateway events;
    private final Clock clock;

    AuditTrailReads(EventGateway events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(Actor reader, String view, String query, String format, long results) {
        AuditTrailReadEvent read = new AuditTrailReadEvent(reader.username(), clock.instant(), view,
                query == null ? "" : query, format, results);
        events.publish(GenericEventMessage.asEventMessage(read).withMetaData(MetaData
                .with(MessageMetadata.USERNAME, reader.username())
                .and(MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString())));
    }
}
