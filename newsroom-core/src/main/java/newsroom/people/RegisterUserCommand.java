package newsroom.people;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a person. The password was stored beforehand as the credential {@code credentialId} (never in a
 * message); with {@code passwordChangeRequired} it is a one-time password the person must replace.
 */
public record RegisterUserCommand(String username, String displayName, Set<Role> roles, Set<String> groups,
                                  String credentialId, boolean passwordChangeRequired, Actor registeredBy) {

    @TargetAggregateIdentifier
    public String accountId() {
        return UserAccount.idOf(username);
    }
}
