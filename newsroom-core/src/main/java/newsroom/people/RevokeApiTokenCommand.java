package newsroom.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a personal API token: it stops working at once. Its owner or an admin may. */
public record RevokeApiTokenCommand(String tokenId, Actor revokedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiToken.idOf(tokenId);
    }
}
