package newsroom.api.projection;

import java.util.OptionalLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import newsroom.api.storage.MongoStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * How far a projection has come, as a global event position. A read model answered together with this
 * position contains at least everything up to it, so a live client can skip pushed updates at or below it.
 * <p>
 * A processor runs on the one server instance that holds its segment. There the position is its live
 * status; on every other instance it is the token the processor last stored, read without claiming it.
 */
@Component
public class ProjectionPositions {

    /** Axon's Mongo token store keeps the tokens here, one document per processor and segment. */
    private static final String TOKENS = "trackingtokens";

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    ProjectionPositions(EventProcessingConfiguration processing, MongoStore store, Serializer serializer) {
        this.processing = processing;
        this.tokens = store.database().getCollection(TOKENS);
        this.serializer = serializer;
    }

    /** Whether this server instance runs the processing group's processor (holds its segment) right now. */
    public boolean runsHere(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty())
                .orElse(false);
    }

    /** The position of the last event the processing group has handled; -1 before the first. */
    public long position(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .filter(processor -> !processor.processingStatus().isEmpty())
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min().orElse(-1L))
                .orElseGet(() -> storedPosition(processingGroup));
    }

    private long storedPosition(String processingGroup) {
        long lowest = Long.MAX_VALUE;
        for (Document token : tokens.find(Filters.eq("processorName", processingGroup))) {
            lowest = Math.min(lowest, positionOf(token));
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    private long positionOf(Document stored) {
        Object data = stored.get("token");
        String type = stored.getString("tokenType");
        if (data == null || type == null) {
            return -1;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
        return token == null ? -1 : token.position().orElse(-1);
    }
}
