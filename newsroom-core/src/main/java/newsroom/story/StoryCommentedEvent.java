package newsroom.story;

import java.time.Instant;
import java.util.Set;

/** Someone commented on the story; the mentioned users are to be notified. Comments are not content. */
public record StoryCommentedEvent(String storyId, String commentId, String text, Set<String> mentions,
                                  String author, Instant at) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
