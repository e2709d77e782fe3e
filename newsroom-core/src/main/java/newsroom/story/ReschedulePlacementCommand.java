package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves one placement to another slot. */
public record ReschedulePlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, Instant slot,
                                         Actor rescheduledBy, Instant rescheduledAt,
                                         @TargetAggregateVersion Long expectedVersion) {

    /** Moved with no moment to check the new slot against (see {@code rescheduledAt}). */
    public ReschedulePlacementCommand(String storyId, String placementId, Instant slot, Actor rescheduledBy,
                                      Long expectedVersion) {
        this(storyId, placementId, slot, rescheduledBy, null, expectedVersion);
    }
}
