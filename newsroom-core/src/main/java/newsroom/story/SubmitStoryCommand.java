package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sends the story to review by the approvers its channels require. */
public record SubmitStoryCommand(@TargetAggregateIdentifier String storyId, Actor submittedBy, @TargetAggregateVersion Long expectedVersion) {
}
