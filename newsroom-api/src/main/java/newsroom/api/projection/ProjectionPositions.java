package newsroom.api.projection;

import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * How far a projection has come, as a global event position. A read model answered together with this
 * position contains at least everything up to it, so a live client can skip pushed updates at or below it.
 */
@Component
public class ProjectionPositions {

    private final EventProcessingConfiguration processing;

    ProjectionPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The position of the last event the processing group has handled; -1 before the first. */
    public long position(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min().orElse(-1L))
                .orElse(-1L);
    }
}
