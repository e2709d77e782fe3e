package newsroom.people;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Makes the account a member of exactly these groups. */
public record ChangeUserGroupsCommand(String username, Set<String> groups, Actor changedBy,
                                      @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String accountId() {
        return UserAccount.idOf(username);
    }
}
