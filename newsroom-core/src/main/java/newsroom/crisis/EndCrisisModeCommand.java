package newsroom.crisis;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the crisis in force, with a reason and what to do with the placements it paused. */
public record EndCrisisModeCommand(@TargetAggregateIdentifier String crisisModeId, String reason,
                                   PausedPlacementsDecision decision, Actor endedBy, Instant at) {
}
