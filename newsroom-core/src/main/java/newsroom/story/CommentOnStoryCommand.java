package newsroom.story;

import java.time.Instant;
import java.util.Set;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An editorial comment; {@code mentions} are the users named with @ in the text, already checked to exist. */
public record CommentOnStoryCommand(@TargetAggregateIdentifier String storyId, String commentId, String text,
                                    Set<String> mentions, Actor author, Instant at,
                                    @TargetAggregateVersion Long expectedVersion) {
}
