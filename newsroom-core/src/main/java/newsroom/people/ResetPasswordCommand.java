package newsroom.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin replaces the password with a one-time password (stored as {@code credentialId}); the person must set
 * a new one before doing anything else.
 */
public record ResetPasswordCommand(String username, String credentialId, Actor resetBy) {

    @TargetAggregateIdentifier
    public String accountId() {
        return UserAccount.idOf(username);
    }
}
