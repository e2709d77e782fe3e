package newsroom.api.story;

import java.time.Duration;
import java.util.Optional;

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

    /** The story once the read model shows this version or later; after 5 s whatever it shows (may be null). */
    public StoryView awaitVersion(String storyId, long version) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        StoryView latest = null;
        while (System.nanoTime() < deadline) {
            latest = stories.find(storyId).orElse(null);
            if (latest != null && latest.version >= version) {
                return latest;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return latest;
    }
}
