package newsroom.story;

import java.time.Instant;

import newsroom.channel.Channel;
import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Places the story on one channel at one slot with channel-specific text.
 *
 * @param plannedAt the moment of the decision: the slot must come after it; null where no clock is known (tests)
 */
public record PlanPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, Channel channel,
                                   Instant slot, String text, Actor plannedBy, Instant plannedAt,
                                   @TargetAggregateVersion Long expectedVersion) {

    /** Planned with no moment to check the slot against (the slot may not have passed: see {@code plannedAt}). */
    public PlanPlacementCommand(String storyId, String placementId, Channel channel, Instant slot, String text,
                                Actor plannedBy, Long expectedVersion) {
        this(storyId, placementId, channel, slot, text, plannedBy, null, expectedVersion);
    }
}
