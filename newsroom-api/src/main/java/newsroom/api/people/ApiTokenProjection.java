package newsroom.api.people;

import java.time.Instant;

import newsroom.people.ApiTokenCreatedEvent;
import newsroom.people.ApiTokenRevokedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code api_tokens} read model, which token sign-in and the token lists read. A token signs in only once
 * this shows it, and stops the moment it shows it revoked. Idempotent by sequence number; resettable (the secrets'
 * hashes live apart, in {@code api_token_secrets}, keyed by the token id).
 */
@Component
@ProcessingGroup(ApiTokenProjection.PROCESSING_GROUP)
class ApiTokenProjection {

    static final String PROCESSING_GROUP = "api-tokens";

    private final ApiTokenRepository tokens;
    private final AccountChanges changes;

    ApiTokenProjection(ApiTokenRepository tokens, AccountChanges changes) {
        this.tokens = tokens;
        this.changes = changes;
    }

    @EventHandler
    void on(ApiTokenCreatedEvent event, @SequenceNumber long sequence) {
        if (tokens.find(event.tokenId()).map(view -> view.version() >= sequence).orElse(false)) {
            return;
        }
        save(new ApiTokenView(event.tokenId(), event.owner(), event.name(), event.createdAt(), event.expiresAt(),
                event.createdBy(), false, null, null, sequence));
    }

    @EventHandler
    void on(ApiTokenRevokedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        tokens.find(event.tokenId()).filter(view -> view.version() < sequence)
                .map(view -> view.revoked(at, event.revokedBy(), sequence)).ifPresent(this::save);
    }

    @ResetHandler
    void reset() {
        tokens.deleteAll();
    }

    private void save(ApiTokenView view) {
        tokens.save(view);
        changes.saved();
    }
}
