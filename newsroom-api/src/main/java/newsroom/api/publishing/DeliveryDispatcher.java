package newsroom.api.publishing;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import newsroom.api.axon.MessageMetadata;
import newsroom.story.DeliveryStatus;
import newsroom.story.RecordPlacementDeliveryCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes the delivery attempts: every server looks at the small queue of due deliveries every {@code poll-interval},
 * and at once when this server queued a delivery or finished an attempt (so a busy channel takes its next delivery
 * as soon as a request of its own is answered, not at the next poll). It claims each attempt with a unique insert (so
 * of two servers exactly one makes it), POSTs the stored body signed the Standard Webhooks way and records the
 * outcome — in {@link Deliveries} first (what the next attempt starts from, surviving restarts), then on the placement
 * ({@link RecordPlacementDeliveryCommand}: retrying, delivered, failed). The wait before the next attempt is
 * Resilience4j's exponential backoff with jitter; it is stored as a time rather than slept in memory, so a restart
 * mid-retry carries on where it was. Requests are asynchronous with a connect and a request timeout, and at most
 * {@code max-concurrent} are in flight (outcome recording included), {@code max-concurrent-per-channel} per channel
 * until the receiver answered: a hanging receiver ties up its own channel's permits until its timeout, nobody else's.
 * Outcomes are recorded by a few threads of this dispatcher's own, never by the HTTP client's.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final String RECORDER = "system:delivery";
    /** Due deliveries looked at per round, longest due first. */
    private static final int DUE_PER_ROUND = 200;
    /** Threads recording outcomes; each waits for its command's commit, and concurrent ones share one flush. */
    private static final int RECORDERS = 8;

    private final Deliveries deliveries;
    private final PublishedStories stories;
    private final ChannelConnectors connectors;
    private final CommandGateway commands;
    private final PublishingProperties properties;
    private final Clock clock;
    private final IntervalFunction backoff;
    private final Retry recordRetry;
    private final HttpClient http;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Semaphore inFlight;
    private final Map<String, Semaphore> perChannel = new ConcurrentHashMap<>();
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean woken = new AtomicBoolean();
    private ScheduledExecutorService ticker;
    private ExecutorService recorders;
    private volatile boolean running;

    DeliveryDispatcher(Deliveries deliveries, PublishedStories stories, ChannelConnectors connectors,
                       CommandGateway commands, PublishingProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.stories = stories;
        this.connectors = connectors;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.5,
                properties.maxBackoff());
        // recording on the story can meet a concurrent change to it; try again shortly rather than lose the record
        this.recordRetry = Retry.of("record-delivery", RetryConfig.custom().maxAttempts(5)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(50), 2.0, 0.5))
                .retryExceptions(ConcurrencyException.class).build());
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.inFlight = new Semaphore(properties.maxConcurrent());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        recorders = Executors.newFixedThreadPool(RECORDERS, PublicationClock.daemon("delivery-recorder"));
        ticker = Executors.newSingleThreadScheduledExecutor(PublicationClock.daemon("delivery-dispatcher"));
        long every = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            recorders.shutdown();
            try {
                recorders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /** Looks at the queue again soon, without waiting for the next poll; calls made meanwhile share one look. */
    void wake() {
        if (running && woken.compareAndSet(false, true)) {
            try {
                ticker.execute(this::tick);
            } catch (RejectedExecutionException e) {
                woken.set(false); // stopping
            }
        }
    }

    /**
     * One round: the due deliveries whose channel has room, read in one lookup and claimed in one insert, then sent.
     * (One round trip per delivery made a round of a hundred take seconds on a busy store.)
     */
    void tick() {
        woken.set(false);
        Deque<Ready> unsent = new ArrayDeque<>();
        try {
            Instant now = clock.instant();
            List<Deliveries.Due> due = deliveries.due(now, DUE_PER_ROUND).stream()
                    .filter(entry -> !mine.contains(entry.deliveryId()) && channel(entry.channelId()).availablePermits() > 0)
                    .toList();
            if (!running || due.isEmpty()) {
                return;
            }
            unsent.addAll(ready(due, deliveries.findAll(due.stream().map(Deliveries.Due::deliveryId).toList()), now));
            Set<Deliveries.Attempt> claimed = deliveries.claimAll(unsent.stream().map(Ready::attempt).toList(), node, now);
            Map<String, Connector> connectorOf = new HashMap<>();
            while (!unsent.isEmpty()) {
                Ready next = unsent.peek();
                Deliveries.Attempt attempt = next.attempt();
                Deliveries.Delivery delivery = attempt.delivery();
                Connector connector = claimed.contains(attempt)
                        ? connectorOf.computeIfAbsent(delivery.channelId(), connectors::of) : null;
                unsent.pop();
                if (connector != null && connector.delivers()) {
                    mine.add(delivery.deliveryId());
                    send(delivery, attempt.number(), connector, next.channel());
                } else {
                    next.release(inFlight);
                    if (connector != null) {
                        finish(delivery, attempt.number(), false, "the channel has no connector any more", now);
                    } else {
                        abandonStaleClaim(delivery, attempt.number(), now);
                    }
                }
            }
        } catch (RuntimeException e) {
            unsent.forEach(next -> next.release(inFlight)); // what was not sent gives its permits back
            if (running) {
                log.warn("Looking for due deliveries failed; trying again at the next tick", e);
            }
        }
    }

    /** An attempt this server may make now, holding a permit of its channel and one of {@code max-concurrent}. */
    private record Ready(Deliveries.Attempt attempt, Semaphore channel) {

        void release(Semaphore inFlight) {
            inFlight.release();
            channel.release();
        }
    }

    /** The due deliveries that still want an attempt, each with the permits it needs; as many as there are permits. */
    private List<Ready> ready(List<Deliveries.Due> due, Map<String, Deliveries.Delivery> found, Instant now) {
        List<Ready> ready = new ArrayList<>();
        for (Deliveries.Due entry : due) {
            Deliveries.Delivery delivery = found.get(entry.deliveryId());
            if (delivery == null || delivery.status().isFinal()) {
                deliveries.dequeue(entry.deliveryId()); // a stale queue entry
                continue;
            }
            if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
                continue; // the queue entry is older than the delivery's own schedule
            }
            if (delivery.body() == null) {
                // created by an earlier version, which wrote the body at the first attempt
                String body = stories.body(delivery.deliveryId(), delivery.storyId(), delivery.placementId(),
                        delivery.appliedVersion()).orElse(null);
                if (body == null) {
                    continue;
                }
                deliveries.writeBody(delivery, body);
                delivery = delivery.withBody(body);
            }
            Semaphore channel = channel(delivery.channelId());
            if (!channel.tryAcquire()) {
                continue; // this channel's receiver is busy (or hanging): the other channels go on
            }
            if (!inFlight.tryAcquire()) {
                channel.release();
                break; // the next finished attempt wakes this again
            }
            ready.add(new Ready(new Deliveries.Attempt(delivery, delivery.attempts() + 1), channel));
        }
        return ready;
    }

    private Semaphore channel(String channelId) {
        return perChannel.computeIfAbsent(channelId, id -> new Semaphore(properties.maxConcurrentPerChannel()));
    }

    /**
     * Another claim for this attempt exists. If its server died before recording the outcome, the attempt counts
     * as failed once it is older than any attempt can last, and the next one is claimed at the next tick.
     */
    private void abandonStaleClaim(Deliveries.Delivery delivery, int attempt, Instant now) {
        deliveries.claimOf(delivery, attempt).filter(claim -> claim.at().plus(properties.requestTimeout())
                .plus(properties.connectTimeout()).plusSeconds(30).isBefore(now)).ifPresent(claim ->
                outcome(delivery, attempt, false, "attempt " + attempt + " was interrupted (its server stopped)", now));
    }

    private void send(Deliveries.Delivery delivery, int attempt, Connector connector, Semaphore channel) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(connector.url())).timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Newsroom-Webhooks/1")
                    .header(WebhookSignature.ID, delivery.deliveryId())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE,
                            WebhookSignature.sign(connector.secret(), delivery.deliveryId(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
        } catch (IllegalArgumentException e) {
            channel.release();
            try {
                outcome(delivery, attempt, false, "the connector URL is not usable", clock.instant());
            } finally {
                finished(delivery);
            }
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                // the receiver answered (or timed out): its channel may take the next delivery while this one is recorded
                .whenComplete((response, error) -> channel.release())
                .whenCompleteAsync((response, error) -> recordAnswer(delivery, attempt, response, error), recorders);
    }

    private void recordAnswer(Deliveries.Delivery delivery, int attempt, HttpResponse<Void> response, Throwable error) {
        try {
            if (error == null) {
                boolean ok = response.statusCode() / 100 == 2;
                outcome(delivery, attempt, ok, ok ? null : "HTTP " + response.statusCode(), clock.instant());
            } else {
                outcome(delivery, attempt, false, describe(error), clock.instant());
            }
        } catch (RuntimeException e) {
            log.warn("Recording attempt {} of delivery {} failed", attempt, delivery.deliveryId(), e);
        } finally {
            finished(delivery);
        }
    }

    /** The attempt is over and recorded: the delivery may be looked at again, and another may take its place. */
    private void finished(Deliveries.Delivery delivery) {
        mine.remove(delivery.deliveryId());
        inFlight.release();
        wake();
    }

    private void outcome(Deliveries.Delivery delivery, int attempt, boolean delivered, String detail, Instant at) {
        if (delivered) {
            finish(delivery, attempt, true, null, at);
        } else if (attempt >= properties.maxAttempts()) {
            finish(delivery, attempt, false, detail, at);
        } else {
            Instant next = at.plusMillis(backoff.apply(attempt));
            deliveries.retrying(delivery, attempt, detail, next);
            record(delivery, DeliveryStatus.RETRYING, attempt, detail, at, next);
        }
    }

    private void finish(Deliveries.Delivery delivery, int attempt, boolean delivered, String detail, Instant at) {
        if (delivered) {
            deliveries.delivered(delivery, attempt, at);
            record(delivery, DeliveryStatus.DELIVERED, attempt, null, at, null);
        } else {
            deliveries.failed(delivery, attempt, detail);
            record(delivery, DeliveryStatus.FAILED, attempt, detail, at, null);
        }
    }

    private void record(Deliveries.Delivery delivery, DeliveryStatus status, int attempt, String detail, Instant at,
                        Instant next) {
        RecordPlacementDeliveryCommand command = new RecordPlacementDeliveryCommand(delivery.storyId(),
                delivery.placementId(), delivery.deliveryId(), status, attempt, detail, at, next);
        try {
            Retry.decorateRunnable(recordRetry, () -> commands.sendAndWait(command,
                    MetaData.with(MessageMetadata.USERNAME, RECORDER))).run();
        } catch (RuntimeException e) {
            // the delivery's own state is stored; only the placement's display of it lags
            log.warn("Recording {} for delivery {} on story {} failed", status, delivery.deliveryId(),
                    delivery.storyId(), e);
        }
    }

    /** What went wrong, in words that name no secret (the URL and its query are left out). */
    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName();
    }
}
