package newsroom.api.story;

import java.util.Optional;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.security.ActionNotAllowed;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

/**
 * Sends story commands with the user in their metadata, turns Axon's failures into the API's, and
 * waits until the read model shows the result, so a client reads its own writes.
 */
@Component
class StoryCommandSender {

    private final CommandGateway commands;
    private final EventStore events;
    private final StoryReadModel stories;

    StoryCommandSender(CommandGateway commands, EventStore events, StoryReadModel stories) {
        this.commands = commands;
        this.events = events;
        this.stories = stories;
    }

    /** Sends the command and returns the story as it is afterwards. */
    StoryView send(String storyId, Object command, Actor actor) {
        try {
            commands.sendAndWait(command, MetaData.with(MessageMetadata.USERNAME, actor.username()));
        } catch (AggregateNotFoundException e) {
            throw new StoryNotFound(storyId);
        } catch (MissingRole e) {
            // the aggregate checks roles with the same table as the controllers; answer it the same way (403)
            throw new ActionNotAllowed(e);
        } catch (ConflictingAggregateVersionException e) {
            throw new StoryVersionConflict(storyId, currentVersion(storyId),
                    "The story is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                            + " as the request expected. Reload it and try again.");
        } catch (ConcurrencyException e) {
            throw new StoryVersionConflict(storyId, currentVersion(storyId),
                    "Another change to this story was saved at the same moment. Reload it and try again.");
        }
        long version = currentVersion(storyId);
        return awaitReadModel(storyId, version);
    }

    private Long currentVersion(String storyId) {
        Optional<Long> last = events.lastSequenceNumberFor(storyId);
        return last.orElse(null);
    }

    private StoryView awaitReadModel(String storyId, long version) {
        StoryView latest = stories.awaitVersion(storyId, version);
        if (latest == null) {
            // stored, but not yet projected: answer with what is known rather than fail an accepted command
            latest = new StoryView();
            latest.storyId = storyId;
            latest.version = version;
        }
        return latest;
    }
}
