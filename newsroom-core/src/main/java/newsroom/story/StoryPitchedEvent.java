package newsroom.story;

import java.time.Instant;

/** A story was proposed. */
public record StoryPitchedEvent(String storyId, StoryContent content, String pitchedBy, Instant pitchedAt) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
