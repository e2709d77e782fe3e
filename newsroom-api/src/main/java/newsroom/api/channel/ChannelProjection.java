package newsroom.api.channel;

import java.util.List;
import java.util.function.UnaryOperator;

import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ReadModelProgress;
import newsroom.channel.ChannelAddedEvent;
import newsroom.channel.ChannelRenamedEvent;
import newsroom.channel.ChannelRetiredEvent;
import newsroom.channel.ChannelSettings;
import newsroom.channel.ChannelSettingsChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code channels} read model; an event already shown (by sequence number) changes nothing. */
@Component
@ProcessingGroup(ChannelProjection.PROCESSING_GROUP)
class ChannelProjection {

    static final String PROCESSING_GROUP = "channels";

    private final ChannelRepository channels;
    private final ReadModelProgress progress;

    ChannelProjection(ChannelRepository channels, ReadModelProgress progress) {
        this.channels = channels;
        this.progress = progress;
    }

    @EventHandler
    void on(ChannelAddedEvent event, DomainEventMessage<?> message) {
        if (channels.find(event.channelId()).isEmpty()) {
            ChannelSettings settings = event.settings();
            channels.save(new ChannelView(event.channelId(), event.name(), settings.kind(), settings.colour(),
                    settings.approvalPolicyId(), settings.minimumGap().toMinutes(), false, null,
                    message.getSequenceNumber()));
        }
        announce(message);
    }

    @EventHandler
    void on(ChannelRenamedEvent event, DomainEventMessage<?> message) {
        change(event.channelId(), message, view -> new ChannelView(view.channelId(), event.name(), view.kind(),
                view.colour(), view.approvalPolicyId(), view.minimumGapMinutes(), view.retired(), view.retiredReason(),
                message.getSequenceNumber()));
    }

    @EventHandler
    void on(ChannelSettingsChangedEvent event, DomainEventMessage<?> message) {
        ChannelSettings settings = event.settings();
        change(event.channelId(), message, view -> new ChannelView(view.channelId(), view.name(), settings.kind(),
                settings.colour(), settings.approvalPolicyId(), settings.minimumGap().toMinutes(), view.retired(),
                view.retiredReason(), message.getSequenceNumber()));
    }

    @EventHandler
    void on(ChannelRetiredEvent event, DomainEventMessage<?> message) {
        change(event.channelId(), message, view -> new ChannelView(view.channelId(), view.name(), view.kind(),
                view.colour(), view.approvalPolicyId(), view.minimumGapMinutes(), true, event.reason(),
                message.getSequenceNumber()));
    }

    private void change(String channelId, DomainEventMessage<?> message, UnaryOperator<ChannelView> change) {
        channels.find(channelId).filter(view -> view.sequence() < message.getSequenceNumber())
                .ifPresent(view -> channels.save(change.apply(view)));
        announce(message);
    }

    private void announce(DomainEventMessage<?> message) {
        progress.announce(List.of(AppliedEvent.of(PROCESSING_GROUP, message)));
    }

    @ResetHandler
    void reset() {
        channels.deleteAll();
    }
}
