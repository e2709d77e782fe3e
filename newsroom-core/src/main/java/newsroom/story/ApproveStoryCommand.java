package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Grants one approval step for the current content version. A null step means the only pending one. */
public record ApproveStoryCommand(@TargetAggregateIdentifier String storyId, String step, Actor approvedBy, @TargetAggregateVersion Long expectedVersion) {
}
