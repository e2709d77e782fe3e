package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.governance.Delegation;
import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Grants one approval signature for the current content version. A null step means the only pending one.
 *
 * @param confirmedChecklist the guideline checklist items the approver confirms; every item of the policies in
 *                           force must be among them
 * @param delegations        the signing delegations the approver holds (from the delegations read model), checked
 *                           against {@code approvedAt}
 * @param delegators         the leads who gave them, as their accounts stand now (enabled accounts only)
 */
public record ApproveStoryCommand(@TargetAggregateIdentifier String storyId, String step, Actor approvedBy,
                                  Set<String> confirmedChecklist, List<Delegation> delegations,
                                  Map<String, Actor> delegators, Instant approvedAt,
                                  @TargetAggregateVersion Long expectedVersion) {

    public ApproveStoryCommand {
        confirmedChecklist = confirmedChecklist == null ? Set.of() : Set.copyOf(confirmedChecklist);
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
        delegators = delegators == null ? Map.of() : Map.copyOf(delegators);
    }

    /** An approval without checklist confirmations or delegations. */
    public ApproveStoryCommand(String storyId, String step, Actor approvedBy, Long expectedVersion) {
        this(storyId, step, approvedBy, Set.of(), List.of(), Map.of(), null, expectedVersion);
    }
}
