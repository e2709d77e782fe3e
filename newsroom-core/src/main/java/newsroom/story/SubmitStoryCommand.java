package newsroom.story;

import newsroom.governance.PoliciesInForce;
import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sends the story to review by the approvers its channels require.
 *
 * @param policies the approval policy versions in force; the story records those that apply to its placements.
 *                 Null: the steps recorded when the placements were planned apply (as before policies were data)
 */
public record SubmitStoryCommand(@TargetAggregateIdentifier String storyId, Actor submittedBy,
                                 PoliciesInForce policies, @TargetAggregateVersion Long expectedVersion) {

    public SubmitStoryCommand(String storyId, Actor submittedBy, Long expectedVersion) {
        this(storyId, submittedBy, null, expectedVersion);
    }
}
