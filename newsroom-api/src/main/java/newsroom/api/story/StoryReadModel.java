package newsroom.api.story;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import newsroom.api.projection.ReadYourWrites;
import org.springframework.stereotype.Component;

/** What other features may read of the stories read model. */
@Component
public class StoryReadModel {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final StoryRepository stories;

    StoryReadModel(StoryRepository stories) {
        this.stories = stories;
    }

    public Optional<StoryView> find(String storyId) {
        return stories.find(storyId);
    }

    /** The stories with these ids that the read model shows, by id (one exact lookup). */
    public Map<String, StoryView> findAll(Collection<String> storyIds) {
        return stories.findAll(storyIds).stream().collect(Collectors.toMap(story -> story.storyId, story -> story));
    }

    /** The story once the read model shows this version or later; after 5 s whatever it shows (may be null). */
    public StoryView awaitVersion(String storyId, long version) {
        StoryView[] latest = new StoryView[1];
        ReadYourWrites.await(() -> {
            latest[0] = stories.find(storyId).orElse(null);
            return latest[0] != null && latest[0].version >= version;
        }, TIMEOUT);
        return latest[0];
    }
}
