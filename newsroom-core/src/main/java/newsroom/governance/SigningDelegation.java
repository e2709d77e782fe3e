package newsroom.governance;

import static newsroom.governance.GovernanceRuleViolation.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;

import newsroom.people.Action;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One delegation of signing, from its grant to its end (by its period or revoked). */
public class SigningDelegation {

    public static final Duration LONGEST = Duration.ofDays(90);

    @AggregateIdentifier
    private String aggregateId;
    private String delegator;
    private boolean revoked;

    protected SigningDelegation() {
        // for Axon
    }

    public static String aggregateId(String delegationId) {
        return "delegation:" + delegationId;
    }

    @CommandHandler
    public SigningDelegation(DelegateSigningCommand command) {
        var lead = command.delegatedBy();
        if (!lead.may(Action.DELEGATE_SIGNING)) {
            throw new MissingRole(Action.DELEGATE_SIGNING, lead);
        }
        check(lead.belongsTo(command.group()), GovernanceRule.DELEGATOR_NOT_IN_GROUP,
                lead.username() + " is not a member of '" + command.group() + "'");
        check(!lead.username().equals(command.delegate()), GovernanceRule.CANNOT_DELEGATE_TO_YOURSELF,
                lead.username() + " cannot delegate to themself");
        check(command.delegateGroups() != null && command.delegateGroups().contains(command.group()),
                GovernanceRule.DELEGATE_NOT_IN_GROUP, command.delegate() + " is not a member of '" + command.group() + "'");
        check(command.delegateRoles() != null && Action.SIGN_ON_BEHALF.allowedFor(command.delegateRoles()),
                GovernanceRule.DELEGATE_MAY_NOT_SIGN, command.delegate() + " holds no role that takes part in editorial "
                        + "work (" + command.delegateRoles() + ")");
        check(command.from() != null && command.until() != null && command.until().isAfter(command.from())
                        && Duration.between(command.from(), command.until()).compareTo(LONGEST) <= 0,
                GovernanceRule.DELEGATION_PERIOD_INVALID, "from " + command.from() + " until " + command.until());
        apply(new SigningDelegatedEvent(command.delegationId(), lead.username(), command.delegate(), command.group(),
                command.from(), command.until(), command.delegatedAt()));
    }

    @CommandHandler
    public void handle(RevokeDelegationCommand command) {
        revokeRefusal(delegator, revoked, command.revokedBy().username()).ifPresent(refusal -> {
            throw refusal;
        });
        apply(new SigningDelegationRevokedEvent(aggregateId.substring("delegation:".length()),
                command.revokedBy().username(), command.revokedAt()));
    }

    /**
     * Why this person may not revoke the delegation, if they may not: the one rule the aggregate enforces and the
     * API offers as an action.
     */
    public static java.util.Optional<GovernanceRuleViolation> revokeRefusal(String delegator, boolean revoked,
                                                                             String username) {
        if (!username.equals(delegator)) {
            return java.util.Optional.of(new GovernanceRuleViolation(GovernanceRule.ONLY_DELEGATOR_REVOKES,
                    username + " did not make this delegation"));
        }
        if (revoked) {
            return java.util.Optional.of(new GovernanceRuleViolation(GovernanceRule.DELEGATION_ALREADY_REVOKED,
                    "the delegation is already revoked"));
        }
        return java.util.Optional.empty();
    }

    @EventSourcingHandler
    void on(SigningDelegatedEvent event) {
        aggregateId = aggregateId(event.delegationId());
        delegator = event.delegator();
    }

    @EventSourcingHandler
    void on(SigningDelegationRevokedEvent event) {
        revoked = true;
    }
}
