package newsroom.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsroom.api.axon.MessageMetadata;
import newsroom.api.story.StoryTimeline;
import newsroom.api.story.StoryView;
import newsroom.story.Approval;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.PlacementPublishedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * "Who published what": each {@code PlacementPublished} with the text that went out and the approval chain
 * it went out under, reconstructed from the story's events.
 * <p>
 * Extension points: fields that the approval and publication events gain later are read from the stored
 * event by name, so they appear here as soon as they are recorded: {@code policyVersion} and
 * {@code checklist} on {@code ApprovalGranted} (the policy in force and the guideline checklist confirmed),
 * {@code onBehalfOf} (the person a delegate signed for), and on {@code PlacementPublished} the same
 * {@code policyVersion}. A scheduler's publication names its system user as {@code publishedBy}.
 */
@Component
class Publications {

    private final AuditSearch search;
    private final StoryTimeline timeline;
    private final ObjectMapper json;

    Publications(AuditSearch search, StoryTimeline timeline, ObjectMapper json) {
        this.search = search;
        this.timeline = timeline;
        this.json = json;
    }

    /** One approval step of the chain a publication went out under. */
    record ApprovalStep(String step, String approvedBy, String signedBy, String onBehalfOf, Instant signedAt,
                        long contentVersion, String policyVersion, JsonNode checklist, String correlationId) {
    }

    /**
     * One publication.
     *
     * @param text       the placement's channel text exactly as it went out
     * @param textSha256 its SHA-256 (UTF-8), to compare with what the channel shows
     * @param by         who published it (the user of the request; the event's {@code publishedBy})
     */
    record Publication(long position, String storyId, String title, String placementId, String channelId,
                       String channelName, Instant slot, Instant publishedAt, String by, String correlationId,
                       long contentVersion, String text, String textSha256, String policyVersion,
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
        List<ApprovalStep> chain = new ArrayList<>();
        for (Approval approval : published.approvals()) {
            chain.add(step(approval, events, entry.version()));
        }
        JsonNode data = json.valueToTree(published);
        return new Publication(entry.position(), story.storyId, story.title, published.placementId(),
                published.channelId(), placement.channelName, placement.slot, published.publishedAt(),
                entry.by(), entry.correlationId(), published.contentVersion(), placement.text, sha256(placement.text),
                textOrNull(data, "policyVersion"), chain);
    }

    /** The step with its signature: the last grant of that step and version by that person before publishing. */
    private ApprovalStep step(Approval approval, List<DomainEventMessage<?>> events, long before) {
        DomainEventMessage<?> grant = null;
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() < before && event.getPayload() instanceof ApprovalGrantedEvent granted
                    && granted.step().equals(approval.step()) && granted.contentVersion() == approval.contentVersion()
                    && granted.approvedBy().equals(approval.approvedBy())) {
                grant = event;
            }
        }
        if (grant == null) {
            return new ApprovalStep(approval.step(), approval.approvedBy(), null, null, null, approval.contentVersion(),
                    null, null, null);
        }
        JsonNode data = json.valueToTree(grant.getPayload());
        return new ApprovalStep(approval.step(), approval.approvedBy(),
                (String) grant.getMetaData().get(MessageMetadata.USERNAME), textOrNull(data, "onBehalfOf"),
                grant.getTimestamp(), approval.contentVersion(), textOrNull(data, "policyVersion"),
                data.has("checklist") ? data.get("checklist") : null,
                (String) grant.getMetaData().get(MessageMetadata.CORRELATION_ID));
    }

    private static String textOrNull(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
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
