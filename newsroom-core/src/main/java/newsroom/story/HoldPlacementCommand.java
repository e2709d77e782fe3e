package newsroom.story;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Automatic publication could not send a due placement out and leaves it to an editor: its slot was missed
 * while Newsroom was down and the channel says "hold", or the story's rules refused it (approvals missing, a
 * crisis, a quiet period). Sent by Newsroom itself, never by a person.
 *
 * @param rule   the name of what holds it ({@code MissedSlotHeld} or the refusing rule)
 * @param heldBy who holds it, {@code system:<task>}
 */
public record HoldPlacementCommand(@TargetAggregateIdentifier String storyId, String placementId, String rule,
                                   String reason, String heldBy, Instant heldAt) {
}
