package newsroom.story;

import java.time.Instant;

import newsroom.crisis.PausedPlacementsDecision;
import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The bulk decision taken when crisis mode ended, applied to the story's paused placements: resume those whose slot
 * is still ahead (the others stay paused), or cancel them all. Sent by the server's crisis handler for the lead who
 * ended the crisis.
 */
public record DecidePausedPlacementsCommand(@TargetAggregateIdentifier String storyId, String crisisId,
                                            PausedPlacementsDecision decision, String reason, Actor decidedBy,
                                            Instant at) {
}
