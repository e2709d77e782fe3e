package newsroom.story;

import java.util.List;

/** Content changed after approval, so the approvals no longer hold. */
public record ApprovalWithdrawnEvent(String storyId, String reason, long contentVersion, List<Approval> withdrawn, String changedBy) implements StoryEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
