package newsroom.api.governance;

import java.util.ArrayList;
import java.util.List;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import newsroom.governance.ApprovalPolicyDefinedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code approval_policies} read model; an event already shown (by sequence number) changes nothing. */
@Component
@ProcessingGroup(PolicyProjection.PROCESSING_GROUP)
public class PolicyProjection {

    public static final String PROCESSING_GROUP = "approval-policies";

    private final PolicyRepository policies;
    private final ReadModelProgress progress;

    PolicyProjection(PolicyRepository policies, ReadModelProgress progress) {
        this.policies = policies;
        this.progress = progress;
    }

    @EventHandler
    void on(ApprovalPolicyDefinedEvent event, DomainEventMessage<?> message) {
        var current = policies.find(event.policyId());
        if (current.isEmpty() || current.get().sequence() < message.getSequenceNumber()) {
            List<PolicyView.Version> versions = new ArrayList<>(current.map(PolicyView::versions).orElse(List.of()));
            versions.add(new PolicyView.Version(event.version(), event.name(), event.steps(), event.checklist(),
                    event.definedBy(), event.definedAt()));
            policies.save(new PolicyView(event.policyId(), event.version(), event.name(), event.steps(),
                    event.checklist(), event.definedBy(), event.definedAt(), versions, message.getSequenceNumber()));
        }
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @ResetHandler
    void reset() {
        policies.deleteAll();
    }
}
