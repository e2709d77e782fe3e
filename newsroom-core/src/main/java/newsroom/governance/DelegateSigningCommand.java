package newsroom.governance;

import java.time.Instant;
import java.util.Set;

import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delegates the lead's signing for a group to another member of it for a period. The delegate's groups and roles
 * come from the user directory with the command, as the actor's do.
 */
public record DelegateSigningCommand(String delegationId, String group, String delegate, Set<String> delegateGroups,
                                     Set<Role> delegateRoles, Instant from, Instant until, Actor delegatedBy,
                                     Instant delegatedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SigningDelegation.aggregateId(delegationId);
    }
}
