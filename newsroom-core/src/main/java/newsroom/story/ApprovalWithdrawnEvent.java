package newsroom.story;

import java.util.List;

/** Content changed after approval, so the approvals no longer hold. */
public record ApprovalWithdrawnEvent(String storyId, String reason, long contentVersion, List<Approval> withdrawn, String changedBy) {
}
