package newsroom.story;

import java.util.List;

/** The story was stopped for good; withdrawnPlacements were still unpublished. */
public record StoryKilledEvent(String storyId, String reason, String killedBy, List<String> withdrawnPlacements) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
