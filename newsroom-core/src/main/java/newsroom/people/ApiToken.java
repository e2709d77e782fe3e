package newsroom.people;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A personal API token, for scripts: who owns it, whether it was revoked. Its creation and revocation are events
 * naming who did them, so the token's history says who could act as whom, and until when. The secret never reaches
 * the aggregate: the API stores only its hash, under the token's id.
 */
public class ApiToken {

    private static final String ID_PREFIX = "token:";

    @AggregateIdentifier
    private String aggregateId;
    private String owner;
    private boolean revoked;

    protected ApiToken() {
        // for Axon
    }

    /** The aggregate id of a token id. */
    public static String idOf(String tokenId) {
        return ID_PREFIX + tokenId;
    }

    @CommandHandler
    public ApiToken(CreateApiTokenCommand command) {
        enforce(ApiTokenRules.create(command.createdBy(), command.owner(), command.name(), command.createdAt(),
                command.expiresAt()));
        apply(new ApiTokenCreatedEvent(command.tokenId(), command.owner(), command.name().strip(),
                command.createdAt(), command.expiresAt(), command.createdBy().username()));
    }

    @CommandHandler
    public void handle(RevokeApiTokenCommand command) {
        enforce(ApiTokenRules.revoke(owner, revoked, command.revokedBy()));
        apply(new ApiTokenRevokedEvent(command.tokenId(), owner, command.revokedBy().username()));
    }

    private static void enforce(Optional<RuntimeException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    @EventSourcingHandler
    void on(ApiTokenCreatedEvent event) {
        aggregateId = idOf(event.tokenId());
        owner = event.owner();
    }

    @EventSourcingHandler
    void on(ApiTokenRevokedEvent event) {
        revoked = true;
    }
}
