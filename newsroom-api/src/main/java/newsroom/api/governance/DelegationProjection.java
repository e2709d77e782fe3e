package newsroom.api.governance;

import java.util.List;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import newsroom.governance.SigningDelegatedEvent;
import newsroom.governance.SigningDelegationRevokedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code delegations} read model; an event already shown (by sequence number) changes nothing. */
@Component
@ProcessingGroup(DelegationProjection.PROCESSING_GROUP)
class DelegationProjection {

    static final String PROCESSING_GROUP = "delegations";

    private final DelegationRepository delegations;
    private final ReadModelProgress progress;

    DelegationProjection(DelegationRepository delegations, ReadModelProgress progress) {
        this.delegations = delegations;
        this.progress = progress;
    }

    @EventHandler
    void on(SigningDelegatedEvent event, DomainEventMessage<?> message) {
        if (delegations.find(event.delegationId()).isEmpty()) {
            delegations.save(new DelegationView(event.delegationId(), event.delegator(), event.delegate(),
                    event.group(), event.from(), event.until(), event.delegatedAt(), null, null,
                    message.getSequenceNumber()));
        }
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @EventHandler
    void on(SigningDelegationRevokedEvent event, DomainEventMessage<?> message) {
        delegations.find(event.delegationId()).filter(view -> view.sequence() < message.getSequenceNumber())
                .ifPresent(view -> delegations.save(new DelegationView(view.delegationId(), view.delegator(),
                        view.delegate(), view.group(), view.from(), view.until(), view.delegatedAt(), event.revokedBy(),
                        event.revokedAt(), message.getSequenceNumber())));
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @ResetHandler
    void reset() {
        delegations.deleteAll();
    }
}
