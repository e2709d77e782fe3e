package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves one placement to another slot. */
public record ReschedulePlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, Instant slot, Actor rescheduledBy, @TargetAggregateVersion Long expectedVersion) {
}
