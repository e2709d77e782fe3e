package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lets a paused placement go out at its slot again; {@code at} is now (a slot that passed is refused). */
public record ResumePlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, String reason,
                                     Actor resumedBy, Instant at, @TargetAggregateVersion Long expectedVersion) {
}
