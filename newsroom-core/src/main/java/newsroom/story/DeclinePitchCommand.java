package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Declines a pitch; the story is closed. */
public record DeclinePitchCommand(@TargetAggregateIdentifier String storyId, String reason, Actor declinedBy, @TargetAggregateVersion Long expectedVersion) {
}
