package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Accepts a pitch into work, optionally assigning it. */
public record AcceptPitchCommand(@TargetAggregateIdentifier String storyId, String assignee, Actor acceptedBy, @TargetAggregateVersion Long expectedVersion) {
}
