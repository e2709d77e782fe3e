package newsroom.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.api.axon.MessageMetadata;
import newsroom.story.Approval;
import newsroom.story.ApprovalAttestedEvent;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.PolicyVersion;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The approval chain of a publication, read from the events that record each part of it. */
class PublicationsTest {

    private static final String STORY = "s1";
    private static final PolicyVersion PRESS_V2 = new PolicyVersion("press-release", 2);
    private static final PolicyVersion DEFAULT_V1 = new PolicyVersion("default", 1);
    private static final List<String> CHECKLIST = List.of("Image rights cleared");

    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private void recorded(String signedBy, Object payload) {
        events.add(new GenericDomainEventMessage<>("Story", STORY, events.size(), payload,
                MetaData.from(Map.of(MessageMetadata.USERNAME, signedBy, MessageMetadata.CORRELATION_ID, "c" + events.size()))));
    }

    @Test
    void aDelegatesSignatureShowsOnWhoseBehalfUnderWhichPolicyVersionAndTheConfirmedChecklist() {
        recorded("grace", new ApprovalGrantedEvent(STORY, "communications", "grace", 3, Set.of("legal")));
        recorded("grace", new ApprovalAttestedEvent(STORY, "communications", "grace", null, null, 3,
                List.of(PRESS_V2, DEFAULT_V1), CHECKLIST));
        recorded("leo", new ApprovalGrantedEvent(STORY, "legal", "leo", 3, Set.of()));
        recorded("leo", new ApprovalAttestedEvent(STORY, "legal", "leo", "lena", "d1", 3,
                List.of(PRESS_V2, DEFAULT_V1), CHECKLIST));

        List<Publications.ApprovalStep> chain = Publications.approvalChain(List.of(new Approval("communications", "grace", 3),
                new Approval("legal", "leo", 3)), events, events.size(), PRESS_V2);

        Publications.ApprovalStep legal = chain.get(1);
        assertThat(legal.approvedBy()).isEqualTo("leo");
        assertThat(legal.signedBy()).isEqualTo("leo");
        assertThat(legal.onBehalfOf()).isEqualTo("lena");
        assertThat(legal.delegationId()).isEqualTo("d1");
        assertThat(legal.policyVersion()).isEqualTo(PRESS_V2);
        assertThat(legal.checklist()).isEqualTo(CHECKLIST);
        assertThat(legal.correlationId()).isEqualTo("c2");
        Publications.ApprovalStep communications = chain.get(0);
        assertThat(communications.onBehalfOf()).isNull();
        assertThat(communications.policyVersion()).isEqualTo(PRESS_V2);
        assertThat(communications.checklist()).isEqualTo(CHECKLIST);
    }

    @Test
    void anApprovalStoredBeforeAttestationsExistedKeepsItsSignatureAndHasNoTerms() {
        recorded("lena", new ApprovalGrantedEvent(STORY, "legal", "lena", 2, Set.of()));

        Publications.ApprovalStep legal = Publications.approvalChain(List.of(new Approval("legal", "lena", 2)), events,
                events.size(), null).get(0);

        assertThat(legal.signedBy()).isEqualTo("lena");
        assertThat(legal.signedAt()).isNotNull();
        assertThat(legal.onBehalfOf()).isNull();
        assertThat(legal.policyVersion()).isNull();
        assertThat(legal.checklist()).isNull();
    }

    @Test
    void aSignatureGivenAgainIsReadWithItsOwnAttestationNotAnEarlierOne() {
        recorded("leo", new ApprovalGrantedEvent(STORY, "legal", "leo", 3, Set.of()));
        recorded("leo", new ApprovalAttestedEvent(STORY, "legal", "leo", "lena", "d1", 3, List.of(PRESS_V2), CHECKLIST));
        recorded("leo", new ApprovalGrantedEvent(STORY, "legal", "leo", 3, Set.of()));

        Publications.ApprovalStep legal = Publications.approvalChain(List.of(new Approval("legal", "leo", 3)), events,
                events.size(), PRESS_V2).get(0);

        assertThat(legal.correlationId()).isEqualTo("c2");
        assertThat(legal.onBehalfOf()).isNull();
        assertThat(legal.checklist()).isNull();
    }
}
