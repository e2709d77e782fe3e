package newsroom.calendar;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a quiet period early, with a reason. */
public record LiftBlackoutPeriodCommand(@TargetAggregateIdentifier String blackoutId, String reason, Actor liftedBy) {
}
