package newsroom.people;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a personal API token for {@code owner}. The secret never travels in a message: the API stores its hash
 * beforehand under {@code tokenId}. {@code createdAt} is the API's clock (the aggregate has none), against which
 * the expiry is checked.
 */
public record CreateApiTokenCommand(String tokenId, String owner, String name, Instant createdAt, Instant expiresAt,
                                    Actor createdBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiToken.idOf(tokenId);
    }
}
