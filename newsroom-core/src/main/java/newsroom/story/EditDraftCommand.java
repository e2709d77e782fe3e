package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces the story's content. After approval this withdraws the approval. */
public record EditDraftCommand(@TargetAggregateIdentifier String storyId, StoryContent content, Actor editedBy, @TargetAggregateVersion Long expectedVersion) {
}
