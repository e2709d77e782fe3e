package newsroom.story;

import java.util.Set;

/** One approval step was granted for a content version; pendingSteps are still missing. */
public record ApprovalGrantedEvent(String storyId, String step, String approvedBy, long contentVersion, Set<String> pendingSteps) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
