package newsroom.api.story;

import java.util.List;

import newsroom.api.projection.ProjectionPositions;
import newsroom.api.security.Action;
import newsroom.api.security.Permissions;
import newsroom.people.Actor;
import newsroom.story.StoryStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The editorial board (stories by workflow state) and the governance leads' approval inbox. */
@RestController
class BoardController {

    static final List<StoryStatus> COLUMNS = List.of(StoryStatus.PITCHED, StoryStatus.IN_PROGRESS,
            StoryStatus.IN_REVIEW, StoryStatus.APPROVED);
    private static final int MAX_PER_COLUMN = 500;

    private final StoryRepository stories;
    private final ProjectionPositions positions;
    private final Permissions permissions;

    BoardController(StoryRepository stories, ProjectionPositions positions, Permissions permissions) {
        this.stories = stories;
        this.positions = positions;
        this.permissions = permissions;
    }

    record Column(StoryStatus status, List<StoryView> stories) {
    }

    record Board(long position, List<Column> columns) {
    }

    @GetMapping("/api/board")
    Board board() {
        permissions.require(Action.READ);
        long position = positions.position(StoryProjection.PROCESSING_GROUP);
        List<Column> columns = COLUMNS.stream()
                .map(status -> new Column(status, stories.list(status, null, null, MAX_PER_COLUMN)))
                .toList();
        return new Board(position, columns);
    }

    /** Stories waiting for an approval this governance lead may give (not their own work, not twice). */
    @GetMapping("/api/approvals/inbox")
    List<StoryView> inbox() {
        Actor actor = permissions.require(Action.APPROVE);
        String me = actor.username();
        return stories.list(StoryStatus.IN_REVIEW, null, null, MAX_PER_COLUMN).stream()
                .filter(story -> !story.pendingApprovalSteps.isEmpty())
                .filter(story -> !me.equals(story.pitchedBy) && !me.equals(story.lastEditedBy))
                .filter(story -> story.approvals.stream().noneMatch(approval -> me.equals(approval.approvedBy())))
                .toList();
    }
}
