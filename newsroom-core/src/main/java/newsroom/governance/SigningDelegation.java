package newsroom.governance;

import static newsroom.governance.GovernanceRuleViolation.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;

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
        periodRefusal(command.from(), command.until(), command.delegatedAt()).ifPresent(why -> {
            throw new GovernanceRuleViolation(GovernanceRule.DELEGATION_PERIOD_INVALID, why);
        });
        apply(new SigningDelegatedEvent(command.delegationId(), lead.username(), command.delegate(), command.group(),
                command.from(), command.until(), command.delegatedAt()));
    }

    /** What is wrong with the period, if anything: it must end after it starts and after now, within 90 days. */
    private static java.util.Optional<String> periodRefusal(Instant from, Instant until, Instant now) {
        String period = "from " + from + " until " + until;
        if (from == null || until == null || !until.isAfter(from)) {
            return java.util.Optional.of(period + ": a delegation ends after it starts");
        }
        if (now != null && !until.isAfter(now)) {
            return java.util.Optional.of(period + ": it has already ended, so it would never let anyone sign");
        }
        if (Duration.between(from, until).compareTo(LONGEST) > 0) {
            return java.util.Optional.of(period + ": " + Duration.between(from, until).toDays()
                    + " days, longer than the " + LONGEST.toDays() + " a delegation may last");
        }
        return java.util.Optional.empty();
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
