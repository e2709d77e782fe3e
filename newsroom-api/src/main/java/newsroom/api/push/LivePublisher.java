package newsroom.api.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import newsroom.api.calendar.CalendarQueries;
import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ProjectionPositions;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.story.StoryReadModel;
import newsroom.api.story.StoryView;
import newsroom.story.StoryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Pushes every story change to the subscribed dashboards once both read models a dashboard reloads
 * from, stories and calendar, show it, so a client that reloads on a push sees the change.
 * <p>
 * It has no processor of its own and waits for nobody: it listens to the two projections'
 * announcements and pushes an event when the second of them has announced it. Each projection applies
 * events in stream order, so the pushes leave in position order, from one sending thread, off the
 * projections' threads. Replays (rebuilds) are not pushed again. When one of the two projections runs
 * on another server instance, its half is checked in its read model instead ({@link #sweep}).
 */
@Component
class LivePublisher {

    private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);
    /** How long an event may wait for its second half before the read model is asked directly. */
    private static final Duration CHECK_AFTER = Duration.ofMillis(200);
    /** Pushes nobody could complete are dropped after this; clients catch up through the event store. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    private static final int MAX_PENDING = 20_000;

    private final ReadModelProgress progress;
    private final StoryReadModel stories;
    private final CalendarQueries calendar;
    private final ProjectionPositions positions;
    private final SimpMessagingTemplate broker;
    private final SimpUserRegistry users;
    /** Announced by one read model, not yet by the other; oldest first. Guarded by {@code this}. */
    private final Map<String, Half> pending = new LinkedHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("live-publisher"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(daemon("live-sweeper"));

    LivePublisher(ReadModelProgress progress, StoryReadModel stories, CalendarQueries calendar,
                  ProjectionPositions positions, SimpMessagingTemplate broker, SimpUserRegistry users) {
        this.progress = progress;
        this.stories = stories;
        this.calendar = calendar;
        this.positions = positions;
        this.broker = broker;
        this.users = users;
    }

    @PostConstruct
    void start() {
        progress.subscribe(this::announced);
        sweeper.scheduleWithFixedDelay(this::sweep, CHECK_AFTER.toMillis(), CHECK_AFTER.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** An event one of the two read models has applied. */
    private record Half(AppliedEvent applied, StoryEvent payload, long since) {
    }

    private void announced(List<AppliedEvent> batch) {
        for (AppliedEvent applied : batch) {
            boolean joined = applied.readModel().equals(StoryReadModel.NAME)
                    || applied.readModel().equals(CalendarQueries.NAME);
            if (!joined || applied.replay() || !(applied.event().getPayload() instanceof StoryEvent payload)) {
                continue;
            }
            String key = applied.aggregateId() + "#" + applied.version();
            synchronized (this) {
                Half first = pending.get(key);
                if (first == null) {
                    pending.put(key, new Half(applied, payload, System.nanoTime()));
                    forgetOldest();
                } else if (!first.applied().readModel().equals(applied.readModel())) {
                    pending.remove(key);
                    sender.execute(() -> publish(applied, payload));
                }
            }
        }
    }

    /**
     * Completes events whose other half is handled on another server instance: if that read model shows
     * the story at the event's version, the event is pushed from here.
     */
    private void sweep() {
        try {
            List<Half> due = new ArrayList<>();
            long now = System.nanoTime();
            synchronized (this) {
                for (Iterator<Half> it = pending.values().iterator(); it.hasNext(); ) {
                    Half half = it.next();
                    long waited = now - half.since();
                    if (waited > FORGET_AFTER.toNanos()) {
                        it.remove();
                    } else if (waited > CHECK_AFTER.toNanos() && !positions.runsHere(other(half))) {
                        due.add(half);
                    }
                }
            }
            for (Half half : due) {
                if (otherShows(half)) {
                    synchronized (this) {
                        if (pending.remove(half.applied().aggregateId() + "#" + half.applied().version()) != null) {
                            sender.execute(() -> publish(half.applied(), half.payload()));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Checking live updates waiting for another server instance failed; next round retries", e);
        }
    }

    private static String other(Half half) {
        return half.applied().readModel().equals(StoryReadModel.NAME) ? CalendarQueries.NAME : StoryReadModel.NAME;
    }

    private boolean otherShows(Half half) {
        String storyId = half.applied().aggregateId();
        long version = other(half).equals(StoryReadModel.NAME)
                ? stories.find(storyId).map(story -> story.version).orElse(-1L)
                : calendar.storyVersion(storyId);
        return version >= half.applied().version();
    }

    private void forgetOldest() {
        if (pending.size() > MAX_PENDING) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
            log.warn("More than {} story changes wait for their second read model; dropped the oldest push "
                    + "(clients catch up through /api/live/updates)", MAX_PENDING);
        }
    }

    private void publish(AppliedEvent applied, StoryEvent payload) {
        try {
            if (users.getUserCount() == 0) {
                return; // nobody connected: a client that connects later catches up through the event store
            }
            StoryView story = stories.find(payload.storyId()).orElse(null);
            LiveUpdate update = LiveUpdates.of(applied.event(), payload, applied.position(), story);
            broker.convertAndSend(Topics.BOARD, update);
            broker.convertAndSend(Topics.story(update.storyId()), update);
            if (LiveUpdates.concernsCalendar(update)) {
                broker.convertAndSend(Topics.CALENDAR, update);
                update.story().placements().stream().map(placement -> placement.channelId()).distinct()
                        .forEach(channelId -> broker.convertAndSend(Topics.calendarChannel(channelId), update));
            }
            if (LiveUpdates.concernsReview(payload)) {
                broker.convertAndSend(Topics.APPROVALS, update);
            }
        } catch (RuntimeException e) {
            log.warn("Could not push the change at position {} of story {}; clients catch up through "
                    + "/api/live/updates", applied.position(), payload.storyId(), e);
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        sender.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
