package newsroom.people;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives the account exactly these roles. */
public record ChangeUserRolesCommand(String username, Set<Role> roles, Actor changedBy,
                                     @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String accountId() {
        return UserAccount.idOf(username);
    }
}
