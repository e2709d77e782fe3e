package newsroom.channel;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a channel; its id is used once, also after it is retired. */
public record AddChannelCommand(String channelId, String name, ChannelSettings settings, Actor addedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChannelDefinition.aggregateId(channelId);
    }
}
