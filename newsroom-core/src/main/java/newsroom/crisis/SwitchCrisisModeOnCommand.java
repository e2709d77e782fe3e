package newsroom.crisis;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops everything: a governance lead switches crisis mode on, with a reason, as the crisis {@code crisisId}. */
public record SwitchCrisisModeOnCommand(@TargetAggregateIdentifier String crisisModeId, String crisisId, String reason,
                                        Actor switchedOnBy, Instant at) {
}
