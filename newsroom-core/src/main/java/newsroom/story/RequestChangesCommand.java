package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sends the story back to work with a comment; granted approvals lapse. */
public record RequestChangesCommand(@TargetAggregateIdentifier String storyId, String comment, Actor requestedBy, @TargetAggregateVersion Long expectedVersion) {
}
