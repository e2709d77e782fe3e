package newsroom.story;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Newsroom's outgoing connector reports how the delivery of a published placement to its channel's system
 * stands: {@code RETRYING} (an attempt failed, another follows), {@code DELIVERED} or {@code FAILED} (no
 * attempts left). Recorded only when the status changes, so a delivery adds at most three events.
 *
 * @param deliveryId the delivery's idempotency key, the same for every attempt and redelivery
 * @param detail     the last failure (HTTP status or error), null when delivered
 */
public record RecordPlacementDeliveryCommand(@TargetAggregateIdentifier String storyId, String placementId,
                                             String deliveryId, DeliveryStatus outcome, int attempts, String detail,
                                             Instant at, Instant nextAttemptAt) {
}
