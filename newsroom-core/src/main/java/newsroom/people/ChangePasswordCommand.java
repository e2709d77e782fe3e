package newsroom.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person sets a new password (stored as {@code credentialId}) after proving the current one. */
public record ChangePasswordCommand(String username, String credentialId, Actor changedBy) {

    @TargetAggregateIdentifier
    public String accountId() {
        return UserAccount.idOf(username);
    }
}
