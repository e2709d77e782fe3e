package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An editor sends a placement whose delivery failed to its channel's system again (same idempotency key). */
public record RedeliverPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId,
                                        Actor requestedBy, Instant requestedAt,
                                        @TargetAggregateVersion Long expectedVersion) {
}
