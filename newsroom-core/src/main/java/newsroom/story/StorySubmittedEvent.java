package newsroom.story;

import java.util.Set;

/** The story went to review; requiredSteps are the approvals its channels need. */
public record StorySubmittedEvent(String storyId, String submittedBy, long contentVersion, Set<String> requiredSteps) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
