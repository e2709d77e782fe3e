package newsroom.governance;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a delegation before its period is over. */
public record RevokeDelegationCommand(String delegationId, Actor revokedBy, Instant revokedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SigningDelegation.aggregateId(delegationId);
    }
}
