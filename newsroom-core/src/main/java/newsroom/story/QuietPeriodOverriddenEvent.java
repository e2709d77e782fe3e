package newsroom.story;

import java.time.Instant;

/**
 * A governance lead let one placement go out inside a quiet period: planning, moving and publishing it there is no
 * longer refused for that period. The placement may be planned after the override.
 */
public record QuietPeriodOverriddenEvent(String storyId, String placementId, String blackoutId, String blackoutName,
                                         String reason, String overriddenBy, Instant overriddenAt) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
