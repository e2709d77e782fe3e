package newsroom.api.story;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import newsroom.api.projection.ReadModelProgress;
import org.springframework.stereotype.Component;

/** What other features may read of the stories read model. */
@Component
public class StoryReadModel {

    /** The processing group and read model name other features wait on. */
    public static final String NAME = StoryProjection.PROCESSING_GROUP;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final StoryRepository stories;
    private final ReadModelProgress progress;

    StoryReadModel(StoryRepository stories, ReadModelProgress progress) {
        this.stories = stories;
        this.progress = progress;
    }

    public Optional<StoryView> find(String storyId) {
        return stories.find(storyId);
    }

    /** The stories with these ids that the read model shows, by id (one exact lookup). */
    public Map<String, StoryView> findAll(Collection<String> storyIds) {
        return stories.findAll(storyIds).stream().collect(Collectors.toMap(story -> story.storyId, story -> story));
    }

    /** The stories with a planned placement that crisis mode has not paused: what switching it on pauses. */
    public List<String> storiesWithUnpausedPlacements() {
        return stories.idsWithPlannedPlacements(false);
    }

    /** The stories with a placement crisis mode paused that still waits for a decision. */
    public List<String> storiesWithPausedPlacements() {
        return stories.idsWithPlannedPlacements(true);
    }

    /**
     * The story once the read model shows this version or later: answers as soon as the projection
     * announces it; after 5 s whatever the read model shows (may be null).
     */
    public StoryView awaitVersion(String storyId, long version) {
        return progress.awaitVersion(NAME, storyId, version, () -> stories.find(storyId), view -> view.version, TIMEOUT)
                .orElse(null);
    }
}
