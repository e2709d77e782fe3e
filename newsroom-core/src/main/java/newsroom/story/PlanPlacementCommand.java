package newsroom.story;

import java.time.Instant;

import newsroom.channel.Channel;
import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Places the story on one channel at one slot with channel-specific text. */
public record PlanPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, Channel channel, Instant slot, String text, Actor plannedBy, @TargetAggregateVersion Long expectedVersion) {
}
