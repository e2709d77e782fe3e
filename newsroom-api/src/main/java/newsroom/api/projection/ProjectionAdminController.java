package newsroom.api.projection;

import java.util.List;
import java.util.Set;

import newsroom.api.security.Permissions;
import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import newsroom.people.Action;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an admin rebuild a read model from the event store while the server keeps serving: the
 * projection's tracking processor stops, its token is reset (its reset handler empties the read model)
 * and it starts again, replaying every event.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private static final Set<String> REBUILDABLE = ReadModelLayouts.LAYOUTS.keySet();

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final Permissions permissions;
    private final EventStorageEngine events;

    ProjectionAdminController(EventProcessingConfiguration processing, ProjectionPositions positions,
                              Permissions permissions, EventStorageEngine events) {
        this.events = events;
        this.processing = processing;
        this.positions = positions;
        this.permissions = permissions;
    }

    /**
     * @param position  the last event position the projection has applied; -1 before the first
     * @param lag       how many positions it is behind the event store's head
     * @param caughtUp  whether it has applied everything up to the head
     * @param replaying whether it is rebuilding: replaying events it had applied before the rebuild was asked
     *                  for. It turns false once it has replayed up to the position it stood at then (the head,
     *                  normally), also when no new event has arrived since.
     */
    record ProjectionStatus(String name, long position, long lag, boolean caughtUp, boolean running,
                            boolean replaying) {
    }

    /** The event store's head position and where each projection is; the difference is its lag in commits. */
    record Projections(long head, List<ProjectionStatus> projections) {
    }

    @GetMapping
    Projections projections() {
        permissions.require(Action.MANAGE_PROJECTIONS);
        long head = head();
        return new Projections(head, REBUILDABLE.stream().sorted().map(name -> status(name, head)).toList());
    }

    private long head() {
        var head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        permissions.require(Action.MANAGE_PROJECTIONS);
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(status(name, head()));
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        long position = positions.position(name);
        // Axon calls a segment replaying until it handles an event beyond the position of the reset, so it
        // would say "replaying" until the next command; a rebuild is over once it is back at that position.
        boolean replaying = processor.processingStatus().values().stream()
                .anyMatch(segment -> segment.isReplaying() && segment.getResetPosition().isPresent()
                        && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().getAsLong());
        return new ProjectionStatus(name, position, Math.max(0, head - position), position >= head,
                processor.isRunning(), replaying);
    }

    private StreamingEventProcessor processor(String name) {
        if (!REBUILDABLE.contains(name)) {
            throw new UnknownProjection(name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProjection(name));
    }

    static class UnknownProjection extends ProblemException {

        UnknownProjection(String name) {
            super("There is no projection '" + name + "'; rebuildable: " + REBUILDABLE.stream().sorted().toList());
        }

        @Override
        public ProblemDetail problem() {
            return Problems.of(ProblemType.PROJECTION_NOT_FOUND, getMessage());
        }
    }
}
