package newsroom.api.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import newsroom.api.axon.MessageMetadata;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import newsroom.story.HoldPlacementCommand;
import newsroom.story.PlacementNotFound;
import newsroom.story.PublishPlacementCommand;
import newsroom.story.StoryRule;
import newsroom.story.StoryRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes placements at their slot. Every server runs it: each looks at the schedule for due placements and
 * sends the very command a person sends ({@link PublishPlacementCommand}, as {@link Actor#scheduler()}), so the
 * aggregate applies every rule and lets exactly one of two servers (or of a server and a person) publish a
 * placement; the other is refused ({@code PlacementAlreadyPublished}) or loses the write (a conflict) and does
 * nothing. A slot missed by more than {@code late-after} (the server was down) follows the channel's setting:
 * published marked late, or held for an editor. A refusal by a rule is recorded as a hold with the rule's name
 * and not tried again until the story changes.
 */
@Component
class PublicationClock implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationClock.class);
    /** How long an unexpected failure keeps a placement from being tried again on this server. */
    private static final Duration AFTER_UNEXPECTED_FAILURE = Duration.ofSeconds(30);

    private final PublicationSchedule schedule;
    private final ChannelConnectors connectors;
    private final CommandGateway commands;
    private final PublishingProperties properties;
    private final Clock clock;
    /** Placement at story version → until when this server leaves it alone (tried, answer pending or given). */
    private final Map<String, Instant> tried = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private ExecutorService senders;
    private volatile boolean running;

    PublicationClock(PublicationSchedule schedule, ChannelConnectors connectors, CommandGateway commands,
                     PublishingProperties properties, Clock clock) {
        this.schedule = schedule;
        this.connectors = connectors;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        senders = Executors.newFixedThreadPool(4, daemon("publication-sender"));
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("publication-clock"));
        long every = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            senders.shutdown();
            try {
                senders.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon (started in an earlier phase) and before the web server takes requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    void tick() {
        try {
            Instant now = clock.instant();
            tried.values().removeIf(until -> until.isBefore(now));
            for (PublicationSchedule.StorySchedule story : schedule.due(now, 500)) {
                for (PublicationSchedule.Entry entry : story.entries()) {
                    if (entry.heldFor() == null && !entry.slot().isAfter(now)) {
                        String key = entry.storyId() + "/" + entry.placementId() + "@" + story.version();
                        if (tried.putIfAbsent(key, Instant.MAX) == null) {
                            senders.execute(() -> publish(entry, key));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due placements failed; trying again at the next tick", e);
        }
    }

    private void publish(PublicationSchedule.Entry entry, String key) {
        Instant now = clock.instant();
        boolean missed = Duration.between(entry.slot(), now).compareTo(properties.lateAfter()) > 0;
        try {
            if (missed && connectors.of(entry.channelId()).missedSlot() == MissedSlot.HOLD) {
                hold(entry, PublicationScheduleProjection.MISSED_SLOT_HELD, "the slot " + entry.slot()
                        + " passed while Newsroom was not running; the channel holds missed slots for an editor", now);
                return;
            }
            send(new PublishPlacementCommand(entry.storyId(), entry.placementId(), Actor.scheduler(), now, null,
                    missed ? entry.slot() : null));
        } catch (StoryRuleViolation e) {
            if (e.rule() != StoryRule.PLACEMENT_ALREADY_PUBLISHED && e.rule() != StoryRule.PLACEMENT_CANCELLED) {
                holdQuietly(entry, e.rule().ruleName(), e.getMessage(), now);
            }
        } catch (MissingRole e) {
            holdQuietly(entry, "MissingRole", e.getMessage(), now);
        } catch (ConcurrencyException e) {
            tried.remove(key); // the story changed meanwhile (perhaps another server published it): look again
        } catch (PlacementNotFound e) {
            // gone (the story was rebuilt or the placement never existed here): nothing to publish
        } catch (RuntimeException e) {
            tried.put(key, now.plus(AFTER_UNEXPECTED_FAILURE));
            log.warn("Publishing placement {} of story {} failed; trying again in {}", entry.placementId(),
                    entry.storyId(), AFTER_UNEXPECTED_FAILURE, e);
        }
    }

    private void holdQuietly(PublicationSchedule.Entry entry, String rule, String reason, Instant now) {
        try {
            hold(entry, rule, reason, now);
        } catch (RuntimeException e) {
            // the story changed meanwhile; the schedule shows the new version and it is looked at again
            log.debug("Holding placement {} of story {} failed", entry.placementId(), entry.storyId(), e);
        }
    }

    private void hold(PublicationSchedule.Entry entry, String rule, String reason, Instant now) {
        send(new HoldPlacementCommand(entry.storyId(), entry.placementId(), rule, reason, Actor.SCHEDULER, now));
    }

    private void send(Object command) {
        commands.sendAndWait(command, MetaData.with(MessageMetadata.USERNAME, Actor.SCHEDULER));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
