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

    private static final Set<String> REBUILDABLE = Set.of("stories", "calendar", "blackouts", "campaigns",
            "notifications", "users");

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

    record ProjectionStatus(String name, long position, boolean running, boolean replaying) {
    }

    /** The event store's head position and where each projection is; the difference is its lag in commits. */
    record Projections(long head, List<ProjectionStatus> projections) {
    }

    @GetMapping
    Projections projections() {
        permissions.require(Action.MANAGE_PROJECTIONS);
        return new Projections(head(), REBUILDABLE.stream().sorted().map(this::status).toList());
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
        return ResponseEntity.accepted().body(status(name));
    }

    private ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        boolean replaying = processor.processingStatus().values().stream().anyMatch(s -> s.isReplaying());
        return new ProjectionStatus(name, positions.position(name), processor.isRunning(), replaying);
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
