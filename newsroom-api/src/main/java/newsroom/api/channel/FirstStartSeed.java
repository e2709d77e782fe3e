package newsroom.api.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.governance.PolicyProjection;
import newsroom.api.governance.PolicyRepository;
import newsroom.api.governance.PolicyView;
import newsroom.api.projection.ReadModelProgress;
import newsroom.channel.AddChannelCommand;
import newsroom.channel.ChannelDefinition;
import newsroom.channel.ChannelKind;
import newsroom.channel.ChannelSettings;
import newsroom.governance.ApprovalPolicy;
import newsroom.governance.ApprovalPolicyDefinition;
import newsroom.governance.DefineApprovalPolicyCommand;
import newsroom.governance.PolicyStep;
import newsroom.people.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the governance data a newsroom starts with: the approval policies of the standard policy ("default":
 * one communications signature; "press-release": communications and legal) and the standard channels (minimum
 * gaps from {@code newsroom.calendar.minimum-gap[-by-channel]}). A policy or channel is added only if the event
 * store has never had it, so an admin's change, or a retirement, is never undone by a restart. Runs after Axon
 * has started and before the web server opens its port, and waits until the read models show the seed.
 */
@Component
class FirstStartSeed implements SmartLifecycle {

    /** After Axon's configuration, before the web server; next to the people's first start. */
    private static final int PHASE = Integer.MAX_VALUE - 2560;
    private static final Actor SEEDER = Actor.system("first-start");
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(FirstStartSeed.class);

    private final CommandGateway commands;
    private final EventStore events;
    private final ReadModelProgress progress;
    private final ChannelRepository channels;
    private final PolicyRepository policies;
    private final Environment environment;
    private final Clock clock;
    private volatile boolean running;

    FirstStartSeed(CommandGateway commands, EventStore events, ReadModelProgress progress, ChannelRepository channels,
                   PolicyRepository policies, Environment environment, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.progress = progress;
        this.channels = channels;
        this.policies = policies;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void start() {
        seedPolicy(ApprovalPolicyDefinition.DEFAULT_POLICY, "Default",
                List.of(new PolicyStep(ApprovalPolicy.COMMUNICATIONS, 1)));
        seedPolicy("press-release", "Press release", List.of(new PolicyStep(ApprovalPolicy.COMMUNICATIONS, 1),
                new PolicyStep(ApprovalPolicy.LEGAL, 1)));
        // the calendar's configured gaps (read here, not through the calendar package, which depends on channels)
        Binder binder = Binder.get(environment);
        Duration defaultGap = binder.bind("newsroom.calendar.minimum-gap", Duration.class).orElse(Duration.ofHours(1));
        Map<String, Duration> gaps = binder.bind("newsroom.calendar.minimum-gap-by-channel",
                Bindable.mapOf(String.class, Duration.class)).orElse(Map.of());
        for (StandardChannels.SeedChannel channel : StandardChannels.ALL) {
            String aggregateId = ChannelDefinition.aggregateId(channel.id());
            if (events.lastSequenceNumberFor(aggregateId).isPresent()) {
                continue;
            }
            commands.sendAndWait(new AddChannelCommand(channel.id(), channel.name(), new ChannelSettings(channel.kind(),
                    channel.colour(), channel.approvalPolicyId(), gaps.getOrDefault(channel.id(), defaultGap)),
                    SEEDER), org.axonframework.messaging.MetaData.with(MessageMetadata.USERNAME, SEEDER.username()));
            progress.awaitVersion(ChannelProjection.PROCESSING_GROUP, aggregateId, 0, () -> channels.find(channel.id()),
                    ChannelView::sequence, SHOWN_WITHIN);
            log.info("Added channel '{}' on first start", channel.id());
        }
        running = true;
    }

    private void seedPolicy(String policyId, String name, List<PolicyStep> steps) {
        if (events.lastSequenceNumberFor(ApprovalPolicyDefinition.aggregateId(policyId)).isPresent()) {
            return;
        }
        commands.sendAndWait(new DefineApprovalPolicyCommand(policyId, name, steps, List.of(), SEEDER, clock.instant(),
                null), org.axonframework.messaging.MetaData.with(MessageMetadata.USERNAME, SEEDER.username()));
        progress.awaitVersion(PolicyProjection.PROCESSING_GROUP, ApprovalPolicyDefinition.aggregateId(policyId), 0,
                () -> policies.find(policyId), PolicyView::sequence, SHOWN_WITHIN);
        log.info("Defined approval policy '{}' on first start", policyId);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
