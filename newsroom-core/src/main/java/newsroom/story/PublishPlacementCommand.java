package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records that one placement went out.
 *
 * @param missedSlot the slot it was due at when it goes out late (automatic publication after a missed slot,
 *                   by the channel's setting); null when it goes out on time or by a person's decision
 */
public record PublishPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, Actor publishedBy,
                                      Instant publishedAt, @TargetAggregateVersion Long expectedVersion,
                                      Instant missedSlot) {

    public PublishPlacementCommand(String storyId, String placementId, Actor publishedBy, Instant publishedAt,
                                   Long expectedVersion) {
        this(storyId, placementId, publishedBy, publishedAt, expectedVersion, null);
    }
}
