package newsroom.channel;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Retires a channel: its placements stay readable, new ones are refused. */
public record RetireChannelCommand(String channelId, String reason, Actor retiredBy,
                                   @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChannelDefinition.aggregateId(channelId);
    }
}
