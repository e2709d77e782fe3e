package newsroom.api.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import newsroom.api.projection.ProjectionPositions;
import newsroom.api.security.Permissions;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.story.PlacementStatus;
import newsroom.story.StoryStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The editorial board: stories by workflow state, then what went out. */
@RestController
class BoardController {

    static final List<StoryStatus> COLUMNS = List.of(StoryStatus.PITCHED, StoryStatus.IN_PROGRESS,
            StoryStatus.IN_REVIEW, StoryStatus.APPROVED);
    /** The last column: open stories that went out (see {@link StoryRepository#published}). */
    static final String PUBLISHED = "PUBLISHED";
    /** How far back the Published column looks unless the client asks for more. */
    static final Duration RECENTLY_PUBLISHED = Duration.ofDays(14);
    private static final int MAX_PER_COLUMN = 500;

    private final StoryRepository stories;
    private final ProjectionPositions positions;
    private final Permissions permissions;
    private final StoryAnswers answers;
    private final Clock clock;

    BoardController(StoryRepository stories, ProjectionPositions positions, Permissions permissions,
                    StoryAnswers answers, Clock clock) {
        this.stories = stories;
        this.positions = positions;
        this.permissions = permissions;
        this.answers = answers;
        this.clock = clock;
    }

    /** @param status a workflow state, or {@link #PUBLISHED} */
    record Column(String status, List<StoryAnswer> stories) {
    }

    /** @param publishedSince the Published column holds stories last published at or after this */
    record Board(long position, Instant publishedSince, List<Column> columns) {
    }

    /**
     * The board. A story whose placements have gone out (one published, none still planned) leaves its
     * workflow column for Published, newest first; by default the last 14 days, further back with
     * {@code publishedSince}.
     */
    @GetMapping("/api/board")
    Board board(@RequestParam(required = false) Instant publishedSince) {
        Actor actor = permissions.require(Action.READ);
        long position = positions.position(StoryProjection.PROCESSING_GROUP);
        Instant since = publishedSince != null ? publishedSince : clock.instant().minus(RECENTLY_PUBLISHED);
        List<Column> columns = new ArrayList<>();
        COLUMNS.forEach(status -> columns.add(
                new Column(status.name(), answers.forCaller(stories.onBoard(status, MAX_PER_COLUMN), actor))));
        List<StoryView> published = stories.published(COLUMNS, MAX_PER_COLUMN).stream()
                .filter(story -> lastPublishedAt(story) != null && !lastPublishedAt(story).isBefore(since))
                .sorted(Comparator.comparing(BoardController::lastPublishedAt).reversed())
                .toList();
        columns.add(new Column(PUBLISHED, answers.forCaller(published, actor)));
        return new Board(position, since, columns);
    }

    private static Instant lastPublishedAt(StoryView story) {
        return story.placements.stream()
                .filter(placement -> placement.status == PlacementStatus.PUBLISHED)
                .map(placement -> placement.publishedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
