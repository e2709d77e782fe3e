package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Crisis mode pauses every planned, unpublished placement of the story that is not paused yet. Sent by the server's
 * crisis handler for the lead who switched crisis mode on; does nothing once that crisis is no longer in force.
 */
public record PausePlacementsCommand(@TargetAggregateIdentifier String storyId, String crisisId, String reason,
                                     Actor pausedBy, Instant at) {
}
