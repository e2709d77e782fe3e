package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Stops the story for good; placements not yet published are withdrawn with it. */
public record KillStoryCommand(@TargetAggregateIdentifier String storyId, String reason, Actor killedBy, @TargetAggregateVersion Long expectedVersion) {
}
