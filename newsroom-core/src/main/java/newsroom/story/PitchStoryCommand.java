package newsroom.story;

import java.time.Instant;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Proposes a new story. The id is chosen by the caller, so a retried pitch cannot create two stories. */
public record PitchStoryCommand(@TargetAggregateIdentifier String storyId, StoryContent content, Actor pitchedBy, Instant pitchedAt) {
}
