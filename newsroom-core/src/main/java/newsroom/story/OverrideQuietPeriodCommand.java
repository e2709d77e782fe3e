package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Lets one placement (planned, or an id about to be planned) go out inside a quiet period, with a reason. Only for
 * that placement and that period.
 */
public record OverrideQuietPeriodCommand(@TargetAggregateIdentifier String storyId, String placementId,
                                         String blackoutId, String reason, Actor overriddenBy, Instant at,
                                         @TargetAggregateVersion Long expectedVersion) {
}
