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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import newsroom.api.axon.MessageMetadata;
import newsroom.api.story.StoryReadModel;
import newsroom.api.story.StoryView;
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
 * Makes the delivery attempts: every server polls the small queue of due deliveries, claims each attempt with a
 * unique insert (so of two servers exactly one makes it), POSTs the stored body signed the Standard Webhooks way
 * and records the outcome — in {@link Deliveries} first (what the next attempt starts from, surviving restarts),
 * then on the placement ({@link RecordPlacementDeliveryCommand}: retrying, delivered, failed). The wait before
 * the next attempt is Resilience4j's exponential backoff with jitter; it is stored as a time rather than slept
 * in memory, so a restart mid-retry carries on where it was. Requests are asynchronous with a connect and a
 * request timeout, and at most {@code max-concurrent} are in flight, {@code max-concurrent-per-channel} per
 * channel: a hanging receiver ties up its own channel's permits until its timeout, nobody else's.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final String RECORDER = "system:delivery";

    private final Deliveries deliveries;
    private final StoryReadModel stories;
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
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    DeliveryDispatcher(Deliveries deliveries, StoryReadModel stories, ChannelConnectors connectors,
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

    void tick() {
        try {
            Instant now = clock.instant();
            for (String deliveryId : deliveries.due(now, 200)) {
                if (!running) {
                    return;
                }
                if (!mine.contains(deliveryId)) {
                    deliveries.find(deliveryId).ifPresentOrElse(delivery -> attempt(delivery, now),
                            () -> deliveries.dequeue(deliveryId));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due deliveries failed; trying again at the next tick", e);
        }
    }

    private void attempt(Deliveries.Delivery due, Instant now) {
        Deliveries.Delivery delivery = due;
        if (delivery.status().isFinal()) {
            deliveries.dequeue(delivery.deliveryId());
            return;
        }
        if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
            return; // the queue entry is older than the delivery's own schedule
        }
        if (delivery.body() == null) {
            StoryView story = stories.find(due.storyId()).filter(view -> view.version >= due.appliedVersion())
                    .orElse(null);
            if (story == null) {
                return; // the stories read model has not reached the publication yet: next tick
            }
            delivery = withBody(delivery, deliveries.writeBody(delivery, DeliveryPayload.of(delivery, story).toJson()));
        }
        Semaphore channel = perChannel.computeIfAbsent(delivery.channelId(),
                id -> new Semaphore(properties.maxConcurrentPerChannel()));
        if (!channel.tryAcquire()) {
            return; // this channel's receiver is busy (or hanging): the other channels go on
        }
        if (!inFlight.tryAcquire()) {
            channel.release();
            return;
        }
        boolean sent = false;
        try {
            int attempt = delivery.attempts() + 1;
            if (!deliveries.claim(delivery, attempt, node, now)) {
                abandonStaleClaim(delivery, attempt, now);
                return;
            }
            Connector connector = connectors.of(delivery.channelId());
            if (!connector.delivers()) {
                finish(delivery, attempt, false, "the channel has no connector any more", now);
                return;
            }
            mine.add(delivery.deliveryId());
            send(delivery, attempt, connector, channel);
            sent = true;
        } finally {
            if (!sent) {
                inFlight.release();
                channel.release();
            }
        }
    }

    private static Deliveries.Delivery withBody(Deliveries.Delivery d, String body) {
        return new Deliveries.Delivery(d.deliveryId(), d.storyId(), d.placementId(), d.channelId(), d.status(), d.round(),
                d.attempts(), d.nextAttemptAt(), d.lastDetail(), body, d.publishedAt(), d.deliveredAt(), d.appliedVersion(),
                d.published());
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
            release(delivery, channel);
            outcome(delivery, attempt, false, "the connector URL is not usable", clock.instant());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
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
                release(delivery, channel);
            }
        });
    }

    private void release(Deliveries.Delivery delivery, Semaphore channel) {
        mine.remove(delivery.deliveryId());
        inFlight.release();
        channel.release();
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
