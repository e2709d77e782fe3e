package newsroom.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.story.StoryTimeline;
import newsroom.api.story.StoryView;
import newsroom.story.AppliedPolicy;
import newsroom.story.Approval;
import newsroom.story.ApprovalAttestedEvent;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PolicyVersion;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * "Who published what": each {@code PlacementPublished} with the text that went out and the approval chain
 * it went out under, reconstructed from the story's events.
 * <p>
 * Which event says what: {@code PlacementPublished} lists the approvals (step, approver, content version);
 * each one's {@code ApprovalGranted} gives when, by which account and request it was signed; the
 * {@code ApprovalAttested} recorded right after it gives the policy versions, the checklist confirmed and, for a
 * delegate, on whose behalf; and {@code ApprovalPoliciesApplied} (at submission) which policy version held
 * for the placement. Stories approved before these last two events existed have neither: their fields stay null.
 * A scheduler's publication names its system user as {@code publishedBy}.
 */
@Component
class Publications {

    private final AuditSearch search;
    private final StoryTimeline timeline;

    Publications(AuditSearch search, StoryTimeline timeline) {
        this.search = search;
        this.timeline = timeline;
    }

    /**
     * One approval step of the chain a publication went out under.
     *
     * @param policyVersion the version of the placement's policy the approver signed under; null before versions
     * @param checklist     the checklist items the approver confirmed; null before approvals recorded them
     * @param onBehalfOf    the lead a delegate signed for, with the {@code delegationId} used; null otherwise
     */
    record ApprovalStep(String step, String approvedBy, String signedBy, String onBehalfOf, String delegationId,
                        Instant signedAt, long contentVersion, PolicyVersion policyVersion, List<String> checklist,
                        String correlationId) {
    }

    /**
     * One publication.
     *
     * @param text          the placement's channel text exactly as it went out
     * @param textSha256    its SHA-256 (UTF-8), to compare with what the channel shows
     * @param by            who published it (the user of the request; the event's {@code publishedBy})
     * @param policyVersion the placement's policy version recorded at submission; null before versions
     */
    record Publication(long position, String storyId, String title, String placementId, String channelId,
                       String channelName, Instant slot, Instant publishedAt, String by, String correlationId,
                       long contentVersion, String text, String textSha256, PolicyVersion policyVersion,
                       List<ApprovalStep> approvalChain) {
    }

    record PublicationPage(long total, int page, int size, List<Publication> publications) {
    }

    PublicationPage page(AuditQuery query) {
        AuditSearch.AuditPage page = search.page(query.and(AuditKey.ACTION, "PlacementPublished"));
        List<Publication> publications = new ArrayList<>();
        for (AuditEntry entry : page.entries()) {
            publications.add(publication(entry));
        }
        return new PublicationPage(page.total(), page.page(), page.size(), publications);
    }

    private Publication publication(AuditEntry entry) {
        List<DomainEventMessage<?>> events = timeline.events(entry.storyId());
        DomainEventMessage<?> publishing = events.stream()
                .filter(event -> event.getSequenceNumber() == entry.version()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the audit names event " + entry.version() + " of story "
                        + entry.storyId() + ", which the event store does not have"));
        PlacementPublishedEvent published = (PlacementPublishedEvent) publishing.getPayload();
        StoryView story = StoryTimeline.fold(events, event -> event.getSequenceNumber() <= entry.version()).orElseThrow();
        StoryView.PlacementView placement = story.placement(published.placementId());
        PolicyVersion policy = story.approvalPolicies.stream()
                .filter(applied -> applied.placementIds().contains(published.placementId()))
                .map(AppliedPolicy::policyVersion).findFirst().orElse(null);
        return new Publication(entry.position(), story.storyId, story.title, published.placementId(),
                published.channelId(), placement.channelName, placement.slot, published.publishedAt(),
                entry.by(), entry.correlationId(), published.contentVersion(), placement.text, sha256(placement.text),
                policy, approvalChain(published.approvals(), events, entry.version(), policy));
    }

    /** Each approval with its signature and attestation, from the story's events before {@code before}. */
    static List<ApprovalStep> approvalChain(List<Approval> approvals, List<DomainEventMessage<?>> events, long before,
                                            PolicyVersion placementPolicy) {
        List<ApprovalStep> chain = new ArrayList<>();
        for (Approval approval : approvals) {
            chain.add(step(approval, events, before, placementPolicy));
        }
        return chain;
    }

    /**
     * The step with its signature: the last grant of that step and version by that person before publishing, and
     * the attestation recorded right after that grant (none for approvals stored before attestations existed).
     */
    private static ApprovalStep step(Approval approval, List<DomainEventMessage<?>> events, long before,
                                     PolicyVersion placementPolicy) {
        DomainEventMessage<?> grant = null;
        ApprovalAttestedEvent attested = null;
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() >= before) {
                break;
            }
            if (event.getPayload() instanceof ApprovalGrantedEvent granted && granted.step().equals(approval.step())
                    && granted.contentVersion() == approval.contentVersion()
                    && granted.approvedBy().equals(approval.approvedBy())) {
                grant = event;
                attested = null;
            } else if (grant != null && event.getPayload() instanceof ApprovalAttestedEvent attestation
                    && attestation.step().equals(approval.step())
                    && attestation.contentVersion() == approval.contentVersion()
                    && attestation.approvedBy().equals(approval.approvedBy())) {
                attested = attestation;
            }
        }
        if (grant == null) {
            return new ApprovalStep(approval.step(), approval.approvedBy(), null, null, null, null,
                    approval.contentVersion(), null, null, null);
        }
        return new ApprovalStep(approval.step(), approval.approvedBy(),
                (String) grant.getMetaData().get(MessageMetadata.USERNAME),
                attested == null ? null : attested.onBehalfOf(), attested == null ? null : attested.delegationId(),
                grant.getTimestamp(), approval.contentVersion(), signedUnder(attested, placementPolicy),
                attested == null ? null : attested.confirmedChecklist(),
                (String) grant.getMetaData().get(MessageMetadata.CORRELATION_ID));
    }

    /** The placement's policy version, if the approver attested signing under it. */
    private static PolicyVersion signedUnder(ApprovalAttestedEvent attested, PolicyVersion placementPolicy) {
        return attested == null || !attested.policies().contains(placementPolicy) ? null : placementPolicy;
    }

    static String sha256(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
