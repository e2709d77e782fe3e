package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives the story to a writer. */
public record AssignStoryCommand(@TargetAggregateIdentifier String storyId, String assignee, Actor assignedBy, @TargetAggregateVersion Long expectedVersion) {
}
