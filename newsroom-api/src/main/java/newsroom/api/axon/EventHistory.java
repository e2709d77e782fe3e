package newsroom.api.axon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** One aggregate's history, read straight from the event store: the record of who did what, when. */
@Component
public class EventHistory {

    private final EventStore events;
    private final ObjectMapper json;

    EventHistory(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /**
     * One stored event.
     *
     * @param type          the event's name without the {@code Event} suffix, e.g. {@code StoryPitched}
     * @param by            the user who issued the command that caused it
     * @param correlationId the id of that command; events of one command share it
     */
    public record Entry(long version, String type, Instant at, String by, String correlationId, JsonNode data) {
    }

    /**
     * The events of the aggregate with this id, if it is of this type (e.g. {@code Story}); none otherwise, so an
     * id of one kind of aggregate never shows another kind's history.
     */
    public List<Entry> of(String aggregateId, String aggregateType) {
        List<Entry> entries = new ArrayList<>();
        DomainEventStream stream = events.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!aggregateType.equals(event.getType())) {
                return List.of();
            }
            String type = event.getPayloadType().getSimpleName().replaceFirst("Event$", "");
            entries.add(new Entry(event.getSequenceNumber(), type, event.getTimestamp(),
                    (String) event.getMetaData().get(MessageMetadata.USERNAME),
                    (String) event.getMetaData().get(MessageMetadata.CORRELATION_ID),
                    json.valueToTree(event.getPayload())));
        }
        return entries;
    }
}
