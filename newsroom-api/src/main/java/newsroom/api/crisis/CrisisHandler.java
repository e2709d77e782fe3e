package newsroom.api.crisis;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import newsroom.api.axon.MessageMetadata;
import newsroom.api.projection.ProjectionPositions;
import newsroom.api.story.StoryReadModel;
import newsroom.crisis.CrisisModeEndedEvent;
import newsroom.crisis.CrisisModeSwitchedOnEvent;
import newsroom.crisis.PausedPlacementsDecision;
import newsroom.people.Actor;
import newsroom.people.Role;
import newsroom.story.DecidePausedPlacementsCommand;
import newsroom.story.PausePlacementsCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries a crisis switch over to the stories (a process manager without state of its own): when crisis mode is
 * switched on it sends every story with a scheduled, unpublished placement a {@link PausePlacementsCommand}; when it
 * ends with a bulk decision it sends the stories with paused placements a {@link DecidePausedPlacementsCommand}. Each
 * story decides and records per placement, in the name of the lead who switched. The commands are idempotent, so a
 * retry after a failure or restart (the token only moves on once every story is done) repeats nothing. Never replayed:
 * a rebuild must not pause or cancel anything again.
 */
@Component
@ProcessingGroup(CrisisHandler.PROCESSING_GROUP)
@DisallowReplay
class CrisisHandler {

    static final String PROCESSING_GROUP = "crisis-handler";
    private static final Logger log = LoggerFactory.getLogger(CrisisHandler.class);
    /** How long to wait for the stories read model to reach the switch before working from what it shows. */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 5;

    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crisis-commands");
        thread.setDaemon(true);
        return thread;
    });
    private final CommandGateway commands;
    private final StoryReadModel stories;
    private final ProjectionPositions positions;

    CrisisHandler(CommandGateway commands, StoryReadModel stories, ProjectionPositions positions) {
        this.commands = commands;
        this.stories = stories;
        this.positions = positions;
    }

    @EventHandler
    void on(CrisisModeSwitchedOnEvent event, TrackingToken token) {
        // every placement planned before the switch must be in the work list: wait until the stories read model
        // has applied everything stored before it (later plans are refused to all but leads)
        awaitStoriesAt(token);
        Actor lead = lead(event.switchedOnBy());
        sendToEach(stories.storiesWithUnpausedPlacements(), storyId -> new PausePlacementsCommand(storyId,
                event.crisisId(), event.reason(), lead, event.switchedOnAt()), lead);
    }

    @EventHandler
    void on(CrisisModeEndedEvent event, TrackingToken token) {
        if (event.decision() == null || event.decision() == PausedPlacementsDecision.DECIDE_EACH) {
            return; // the desk decides one placement at a time
        }
        awaitStoriesAt(token);
        Actor lead = lead(event.endedBy());
        sendToEach(stories.storiesWithPausedPlacements(), storyId -> new DecidePausedPlacementsCommand(storyId,
                event.crisisId(), event.decision(), event.reason(), lead, event.endedAt()), lead);
    }

    /** The lead who switched: the crisis switch checked the role when the switch was accepted. */
    private static Actor lead(String username) {
        return new Actor(username, Set.of(Role.GOVERNANCE_LEAD), Set.of());
    }

    /**
     * Sends each command on a thread of its own and waits: a command sent inside this handler's unit of work would
     * join it, and the store keeps one aggregate per commit, so each story's events must be committed by its own.
     */
    private void sendToEach(List<String> storyIds, Function<String, Object> command, Actor lead) {
        try {
            CompletableFuture.runAsync(() -> sendEach(storyIds, command, lead), sender).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    private void sendEach(List<String> storyIds, Function<String, Object> command, Actor lead) {
        for (String storyId : storyIds) {
            for (int attempt = 1; ; attempt++) {
                try {
                    commands.sendAndWait(command.apply(storyId), MetaData.with(MessageMetadata.USERNAME, lead.username()));
                    break;
                } catch (ConcurrencyException e) {
                    if (attempt == ATTEMPTS) {
                        throw e; // the processor retries the whole event; stories already done do nothing again
                    }
                }
            }
        }
    }

    private void awaitStoriesAt(TrackingToken token) {
        long position = token == null ? -1 : token.position().orElse(-1);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (positions.position(StoryReadModel.NAME) < position - 1 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (positions.position(StoryReadModel.NAME) < position - 1) {
            log.warn("The stories read model is behind the crisis switch at {}; working from what it shows", position);
        }
    }
}
