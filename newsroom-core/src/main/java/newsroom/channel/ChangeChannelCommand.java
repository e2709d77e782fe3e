package newsroom.channel;

import newsroom.people.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Renames a channel and/or changes its settings; records only what changed. */
public record ChangeChannelCommand(String channelId, String name, ChannelSettings settings, Actor changedBy,
                                   @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChannelDefinition.aggregateId(channelId);
    }
}
