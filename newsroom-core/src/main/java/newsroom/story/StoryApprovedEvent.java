package newsroom.story;

import java.util.List;

/** Every required step is granted for the content version. */
public record StoryApprovedEvent(String storyId, long contentVersion, List<Approval> approvals) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
