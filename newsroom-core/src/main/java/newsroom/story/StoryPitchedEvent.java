package newsroom.story;

import java.time.Instant;

/** A story was proposed. */
public record StoryPitchedEvent(String storyId, StoryContent content, String pitchedBy, Instant pitchedAt) {
}
