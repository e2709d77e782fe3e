package newsroom.api.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as the audit shows it: who did what, when, to which story or placement, because of
 * which request, and why.
 *
 * @param entryId       orders the audit: the event's commit number × 1,000 + its place in the commit
 * @param position      the commit number in the event store (what {@code verify} and checkpoints name)
 * @param action        the event type without the {@code Event} suffix, e.g. {@code PlacementPublished}
 * @param by            the user whose request caused it ({@code system:…} for the server's own work)
 * @param aggregateType {@code Story}, {@code UserAccount}, … ; null for an event of no aggregate
 * @param channels      the channels it concerns: the placement's, or a quiet period's
 * @param campaign      the story's campaign at that moment, or the campaign defined
 * @param correlationId the id of the request's command; the events of one request share it
 * @param reason        the reason or comment given (declines, kills, cancellations, changes requested, …)
 * @param data          the event as stored
 */
public record AuditEntry(long entryId, long position, Instant at, String by, String action, String aggregateType,
                         String aggregateId, long version, String storyId, String placementId, List<String> channels,
                         String campaign, String correlationId, String reason, JsonNode data) {
}
