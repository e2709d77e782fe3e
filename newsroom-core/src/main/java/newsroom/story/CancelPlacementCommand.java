package newsroom.story;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes one placement off the calendar. */
public record CancelPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, String reason, Actor cancelledBy, @TargetAggregateVersion Long expectedVersion) {
}
