package newsroom.story;

import java.util.List;

/**
 * Recorded with {@link StorySubmittedEvent} when the story was submitted under versioned approval policies: which
 * versions applied to which placements, with their steps (group and distinct signatures) and checklists. A later
 * policy version never changes it; the next submission records its own.
 */
public record ApprovalPoliciesAppliedEvent(String storyId, long contentVersion, List<AppliedPolicy> policies)
        implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
