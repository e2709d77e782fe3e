package newsroom.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Disables an account: it can no longer sign in. Nothing is deleted; its history stays. */
public record DisableUserCommand(String username, String reason, Actor disabledBy,
                                 @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String accountId() {
        return UserAccount.idOf(username);
    }
}
