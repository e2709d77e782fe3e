package newsroom.api.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
 * Publishes placements at their slot. Every server runs it: each looks at the schedule every {@code poll-interval}
 * for placements due before its next look, sets a timer for each slot, and at the slot sends the very command a
 * person sends ({@link PublishPlacementCommand}, as {@link Actor#scheduler()}), so the aggregate applies every rule
 * and lets exactly one of two servers (or of a server and a person) publish a placement; the other is refused
 * ({@code PlacementAlreadyPublished}) or loses the write (a conflict), looks again and is refused. A slot missed by
 * more than {@code late-after} (see {@link MissedSlots}) follows the channel's setting: published marked late, or
 * held for an editor. A refusal by a rule is recorded as a hold with the rule's name and not tried again until the
 * story changes.
 */
@Component
class PublicationClock implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationClock.class);
    /** Publish commands in flight on this server. Each waits for its commit to be durable; concurrent ones share one
     * flush of the store (group commit), so a busy minute needs several, and each costs only a waiting thread. */
    static final int SENDERS = 8;
    /** Stories looked at per poll, earliest slot first. */
    private static final int STORIES_PER_LOOK = 500;
    /** How long an unexpected failure keeps a placement from being tried again on this server. */
    private static final Duration AFTER_UNEXPECTED_FAILURE = Duration.ofSeconds(30);
    /** How long an answer keeps this server from asking again about a placement at the same story version: the
     * schedule shows the outcome long before (after it, the aggregate would only refuse a second time). */
    private static final Duration AFTER_ANSWER = Duration.ofMinutes(5);

    private final PublicationSchedule schedule;
    private final ChannelConnectors connectors;
    private final CommandGateway commands;
    private final PublishingProperties properties;
    private final Clock clock;
    private final MissedSlots missedSlots;
    /** Two commands on one story race (no lock: the store's commit key decides); the loser looks again at once. */
    private final Retry onConflict = Retry.of("publish-on-conflict", RetryConfig.custom().maxAttempts(5)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(20), 2.0, 0.5))
            .retryExceptions(ConcurrencyException.class).build());
    /** Placement at story version → until when this server leaves it alone (timer set, answer pending or given). */
    private final Map<String, Instant> tried = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private ScheduledThreadPoolExecutor senders;
    private volatile boolean running;

    PublicationClock(PublicationSchedule schedule, ChannelConnectors connectors, CommandGateway commands,
                     PublishingProperties properties, Clock clock) {
        this.schedule = schedule;
        this.connectors = connectors;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.missedSlots = new MissedSlots(properties.lateAfter());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        senders = new ScheduledThreadPoolExecutor(SENDERS, daemon("publication-sender"));
        // timers still waiting at a stop are dropped: the next start finds their placements in the schedule
        senders.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
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

    /** One look at the schedule: a timer for every placement due before the next look, not held and not tried. */
    void tick() {
        try {
            Instant now = clock.instant();
            Instant horizon = now.plus(properties.pollInterval());
            tried.values().removeIf(until -> until.isBefore(now));
            List<PublicationSchedule.StorySchedule> due = schedule.due(horizon, STORIES_PER_LOOK);
            Set<String> seen = new HashSet<>();
            for (PublicationSchedule.StorySchedule story : due) {
                // one story's placements at one slot go out one after the other: sent together they would only
                // conflict with each other
                Map<Instant, List<Attempt>> bySlot = new TreeMap<>();
                for (PublicationSchedule.Entry entry : story.entries()) {
                    if (entry.heldFor() != null) {
                        missedSlots.forget(entry);
                    } else if (!entry.slot().isAfter(horizon)) {
                        missedSlots.seen(entry, now);
                        seen.add(MissedSlots.key(entry));
                        String key = entry.storyId() + "/" + entry.placementId() + "@" + story.version();
                        if (tried.putIfAbsent(key, Instant.MAX) == null) {
                            bySlot.computeIfAbsent(entry.slot(), slot -> new ArrayList<>()).add(new Attempt(entry, key));
                        }
                    }
                }
                bySlot.forEach((slot, attempts) -> at(slot, now, () -> publishAll(slot, attempts)));
            }
            if (due.size() < STORIES_PER_LOOK) {
                missedSlots.retainOnly(seen);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due placements failed; trying again at the next tick", e);
        }
    }

    /** One placement to publish, and its key in {@link #tried}. */
    private record Attempt(PublicationSchedule.Entry entry, String key) {
    }

    private void at(Instant slot, Instant now, Runnable task) {
        long delay = Math.max(0, Duration.between(now, slot).toMillis());
        senders.schedule(task, delay, TimeUnit.MILLISECONDS);
    }

    private void publishAll(Instant slot, List<Attempt> attempts) {
        Instant now = clock.instant();
        if (now.isBefore(slot)) {
            // the timer's time source ran ahead of the clock by a little: never publish before the slot (an embargo
            // may end exactly there)
            senders.schedule(() -> publishAll(slot, attempts), Duration.between(now, slot).toMillis() + 1,
                    TimeUnit.MILLISECONDS);
            return;
        }
        if (!running) {
            return;
        }
        // the schedule may have changed since the timer was set (rescheduled, held, cancelled, published elsewhere)
        PublicationSchedule.StorySchedule current = schedule.find(attempts.get(0).entry().storyId());
        for (Attempt attempt : attempts) {
            PublicationSchedule.Entry entry = attempt.entry();
            boolean stillDue = current != null && current.entries().stream().anyMatch(e -> e.placementId()
                    .equals(entry.placementId()) && e.slot().equals(entry.slot()) && e.heldFor() == null);
            if (stillDue) {
                publish(entry, attempt.key());
            } else {
                tried.remove(attempt.key()); // the next look sees what it is now
            }
        }
    }

    private void publish(PublicationSchedule.Entry entry, String key) {
        Instant now = clock.instant();
        boolean missed = missedSlots.missed(entry);
        Instant retryAfter = now.plus(AFTER_ANSWER);
        try {
            if (missed && connectors.of(entry.channelId()).missedSlot() == MissedSlot.HOLD) {
                hold(entry, PublicationScheduleProjection.MISSED_SLOT_HELD, "the slot " + entry.slot() + " had passed by more"
                        + " than " + properties.lateAfter().toSeconds() + " s when Newsroom could publish the placement (it"
                        + " was not running, or the placement was held); the channel holds missed slots for an editor", now);
            } else {
                send(new PublishPlacementCommand(entry.storyId(), entry.placementId(), Actor.scheduler(), now, null,
                        missed ? entry.slot() : null));
            }
            missedSlots.forget(entry);
        } catch (StoryRuleViolation e) {
            if (e.rule() != StoryRule.PLACEMENT_ALREADY_PUBLISHED && e.rule() != StoryRule.PLACEMENT_CANCELLED) {
                retryAfter = holdQuietly(entry, e.rule().ruleName(), e.getMessage(), now);
            }
        } catch (MissingRole e) {
            retryAfter = holdQuietly(entry, "MissingRole", e.getMessage(), now);
        } catch (ConcurrencyException e) {
            retryAfter = now; // the story kept changing meanwhile: the next look tries again
        } catch (PlacementNotFound e) {
            // gone (the story was rebuilt or the placement never existed here): nothing to publish
        } catch (RuntimeException e) {
            retryAfter = now.plus(AFTER_UNEXPECTED_FAILURE);
            log.warn("Publishing placement {} of story {} failed; trying again in {}", entry.placementId(),
                    entry.storyId(), AFTER_UNEXPECTED_FAILURE, e);
        }
        tried.put(key, retryAfter);
    }

    /** Records the refusal as a hold; answers until when to leave the placement alone. */
    private Instant holdQuietly(PublicationSchedule.Entry entry, String rule, String reason, Instant now) {
        try {
            hold(entry, rule, reason, now);
            return now.plus(AFTER_ANSWER);
        } catch (RuntimeException e) {
            // the story changed meanwhile: look at it again shortly, as the schedule then shows it
            log.debug("Holding placement {} of story {} failed", entry.placementId(), entry.storyId(), e);
            return now.plus(AFTER_UNEXPECTED_FAILURE);
        }
    }

    private void hold(PublicationSchedule.Entry entry, String rule, String reason, Instant now) {
        send(new HoldPlacementCommand(entry.storyId(), entry.placementId(), rule, reason, Actor.SCHEDULER, now));
    }

    private void send(Object command) {
        Retry.decorateRunnable(onConflict, () -> commands.sendAndWait(command,
                MetaData.with(MessageMetadata.USERNAME, Actor.SCHEDULER))).run();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
