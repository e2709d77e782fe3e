package newsroom.story;

import java.util.List;

/**
 * Recorded right after the {@link ApprovalGrantedEvent} it belongs to: the policy versions the approval was given
 * under, the checklist items the approver confirmed, and, for a delegate, on whose behalf and by which delegation.
 *
 * @param onBehalfOf   the lead who delegated signing; null when the approver signed for themself
 * @param delegationId the delegation used; null when the approver signed for themself
 */
public record ApprovalAttestedEvent(String storyId, String step, String approvedBy, String onBehalfOf,
                                    String delegationId, long contentVersion, List<PolicyVersion> policies,
                                    List<String> confirmedChecklist) implements StoryEvent {

    public ApprovalAttestedEvent {
        policies = policies == null ? List.of() : List.copyOf(policies);
        confirmedChecklist = confirmedChecklist == null ? List.of() : List.copyOf(confirmedChecklist);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
