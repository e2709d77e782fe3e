package newsroom.api.push;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import newsroom.api.axon.MessageMetadata;
import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes the newsroom-wide governance changes (crisis mode on or over, a quiet period defined or lifted) to every
 * dashboard the moment their read model shows them, so a dashboard that reloads on the push sees the change. Story
 * changes caused by them (placements paused, resumed, overridden) go out as story updates ({@link LivePublisher}).
 * Replays are not pushed again. Off the projections' threads, in the order announced.
 */
@Component
class GovernancePublisher {

    /** The read models whose changes are governance updates (processing group names). */
    private static final Set<String> READ_MODELS = Set.of("crisis", "blackouts");
    private static final Logger log = LoggerFactory.getLogger(GovernancePublisher.class);

    private final ReadModelProgress progress;
    private final SimpMessagingTemplate broker;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "governance-publisher");
        thread.setDaemon(true);
        return thread;
    });

    GovernancePublisher(ReadModelProgress progress, SimpMessagingTemplate broker) {
        this.progress = progress;
        this.broker = broker;
    }

    @PostConstruct
    void start() {
        progress.subscribe(this::announced);
    }

    private void announced(List<AppliedEvent> batch) {
        for (AppliedEvent applied : batch) {
            if (READ_MODELS.contains(applied.readModel()) && !applied.replay()) {
                sender.execute(() -> publish(applied));
            }
        }
    }

    private void publish(AppliedEvent applied) {
        try {
            var event = applied.event();
            broker.convertAndSend(Topics.GOVERNANCE, new GovernanceUpdate(applied.position(),
                    event.getPayloadType().getSimpleName().replaceFirst("Event$", ""), event.getTimestamp(),
                    (String) event.getMetaData().get(MessageMetadata.USERNAME), event.getPayload()));
        } catch (RuntimeException e) {
            log.warn("Could not push the governance change at position {}; dashboards reload it on reconnect",
                    applied.position(), e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
