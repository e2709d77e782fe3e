package newsroom.channel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import newsroom.governance.GovernanceRule;
import newsroom.governance.GovernanceRuleViolation;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A channel as data an admin runs: added, renamed, given another kind, colour, approval policy or minimum gap, and
 * retired, without a restart. The story reads the channel as a {@link Channel} value when a placement is planned
 * (a retired one is refused there, by the story's rule).
 */
public class ChannelDefinition {

    public static final Duration MAX_GAP = Duration.ofDays(7);

    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    @AggregateIdentifier
    private String aggregateId;
    private String channelId;
    private String name;
    private ChannelSettings settings;
    private boolean retired;

    protected ChannelDefinition() {
        // for Axon
    }

    public static String aggregateId(String channelId) {
        return "channel:" + channelId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddChannelCommand command) {
        requireRole(command.addedBy());
        check(channelId == null, GovernanceRule.CHANNEL_ALREADY_EXISTS, "channel '" + command.channelId() + "' exists"
                + (retired ? " (retired)" : ""));
        check(command.channelId() != null && CHANNEL_ID.matcher(command.channelId()).matches(),
                GovernanceRule.CHANNEL_ID_FORMAT, "'" + command.channelId() + "' is not a channel id, e.g. linkedin");
        String newName = checkedName(command.name());
        ChannelSettings checked = checkedSettings(command.settings());
        apply(new ChannelAddedEvent(command.channelId(), newName, checked, command.addedBy().username()));
    }

    @CommandHandler
    public void handle(ChangeChannelCommand command) {
        changeRefusal(command.changedBy(), channelId, retired).ifPresent(refusal -> {
            throw refusal;
        });
        String newName = checkedName(command.name());
        ChannelSettings checked = checkedSettings(command.settings());
        String by = command.changedBy().username();
        if (!newName.equals(name)) {
            apply(new ChannelRenamedEvent(channelId, name, newName, by));
        }
        if (!checked.equals(settings)) {
            apply(new ChannelSettingsChangedEvent(channelId, settings, checked, by));
        }
    }

    @CommandHandler
    public void handle(RetireChannelCommand command) {
        changeRefusal(command.retiredBy(), channelId, retired).ifPresent(refusal -> {
            throw refusal;
        });
        apply(new ChannelRetiredEvent(channelId, command.reason(), command.retiredBy().username()));
    }

    /**
     * Why this person may not change or retire the channel, if they may not: the rule the aggregate enforces and
     * the API offers as the channel's actions.
     */
    public static Optional<RuntimeException> changeRefusal(Actor actor, String channelId, boolean retired) {
        if (!actor.may(Action.MANAGE_CHANNELS)) {
            return Optional.of(new MissingRole(Action.MANAGE_CHANNELS, actor));
        }
        if (retired) {
            return Optional.of(new GovernanceRuleViolation(GovernanceRule.CHANNEL_ALREADY_RETIRED,
                    "channel '" + channelId + "' is retired"));
        }
        return Optional.empty();
    }

    private static void requireRole(Actor actor) {
        if (!actor.may(Action.MANAGE_CHANNELS)) {
            throw new MissingRole(Action.MANAGE_CHANNELS, actor);
        }
    }

    private static String checkedName(String candidate) {
        String stripped = candidate == null ? "" : candidate.strip();
        check(!stripped.isEmpty() && stripped.length() <= 80, GovernanceRule.CHANNEL_NAME_REQUIRED,
                "a channel needs a name of 1 to 80 characters");
        return stripped;
    }

    private static ChannelSettings checkedSettings(ChannelSettings candidate) {
        Objects.requireNonNull(candidate.kind(), "kind");
        check(candidate.colour() != null && COLOUR.matcher(candidate.colour()).matches(), GovernanceRule.COLOUR_FORMAT,
                "'" + candidate.colour() + "' is not a colour like #1f6feb");
        Duration gap = candidate.minimumGap() == null ? Duration.ZERO : candidate.minimumGap();
        check(!gap.isNegative() && gap.compareTo(MAX_GAP) <= 0, GovernanceRule.MINIMUM_GAP_INVALID,
                "a minimum gap of " + gap.toMinutes() + " minutes");
        String policy = candidate.approvalPolicyId() == null || candidate.approvalPolicyId().isBlank() ? null
                : candidate.approvalPolicyId();
        return new ChannelSettings(candidate.kind(), candidate.colour(), policy, gap);
    }

    private static void check(boolean holds, GovernanceRule rule, String detail) {
        if (!holds) {
            throw new GovernanceRuleViolation(rule, detail);
        }
    }

    @EventSourcingHandler
    void on(ChannelAddedEvent event) {
        aggregateId = aggregateId(event.channelId());
        channelId = event.channelId();
        name = event.name();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(ChannelRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ChannelSettingsChangedEvent event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(ChannelRetiredEvent event) {
        retired = true;
    }
}
