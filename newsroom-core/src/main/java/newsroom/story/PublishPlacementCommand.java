package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that one placement went out. */
public record PublishPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, Actor publishedBy, Instant publishedAt, @TargetAggregateVersion Long expectedVersion) {
}
