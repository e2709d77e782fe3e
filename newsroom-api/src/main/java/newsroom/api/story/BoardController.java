package newsroom.api.story;

import java.util.List;

import newsroom.api.projection.ProjectionPositions;
import newsroom.api.security.Permissions;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.story.StoryStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The editorial board: stories by workflow state. */
@RestController
class BoardController {

    static final List<StoryStatus> COLUMNS = List.of(StoryStatus.PITCHED, StoryStatus.IN_PROGRESS,
            StoryStatus.IN_REVIEW, StoryStatus.APPROVED);
    private static final int MAX_PER_COLUMN = 500;

    private final StoryRepository stories;
    private final ProjectionPositions positions;
    private final Permissions permissions;
    private final StoryAnswers answers;

    BoardController(StoryRepository stories, ProjectionPositions positions, Permissions permissions,
                    StoryAnswers answers) {
        this.stories = stories;
        this.positions = positions;
        this.permissions = permissions;
        this.answers = answers;
    }

    record Column(StoryStatus status, List<StoryAnswer> stories) {
    }

    record Board(long position, List<Column> columns) {
    }

    @GetMapping("/api/board")
    Board board() {
        Actor actor = permissions.require(Action.READ);
        long position = positions.position(StoryProjection.PROCESSING_GROUP);
        List<Column> columns = COLUMNS.stream()
                .map(status -> new Column(status, answers.forCaller(stories.list(status, null, null, MAX_PER_COLUMN), actor)))
                .toList();
        return new Board(position, columns);
    }
}
