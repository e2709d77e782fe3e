package newsroom.api.channel;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import newsroom.api.governance.GovernanceCommands;
import newsroom.api.governance.PolicyRepository;
import newsroom.api.governance.PolicyView;
import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.IfMatch;
import newsroom.api.web.InputRule;
import newsroom.api.web.ProblemType;
import newsroom.channel.AddChannelCommand;
import newsroom.channel.ChangeChannelCommand;
import newsroom.channel.ChannelDefinition;
import newsroom.channel.ChannelKind;
import newsroom.channel.ChannelSettings;
import newsroom.channel.RetireChannelCommand;
import newsroom.governance.ApprovalPolicyDefinition;
import newsroom.governance.PolicyStep;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channels as data: everybody lists them (with the approval steps their policy in force needs); admins add,
 * rename, change and retire them, live, without a restart.
 */
@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final GovernanceCommands commands;
    private final ChannelRepository channels;
    private final PolicyRepository policies;
    private final Permissions permissions;

    ChannelController(GovernanceCommands commands, ChannelRepository channels, PolicyRepository policies,
                      Permissions permissions) {
        this.commands = commands;
        this.channels = channels;
        this.policies = policies;
        this.permissions = permissions;
    }

    /**
     * A channel for the caller.
     *
     * @param requiredApprovalSteps the steps of its approval policy's current version
     * @param allowedActions        {@code CHANGE} and {@code RETIRE} when the caller may (the domain decides)
     */
    record ChannelAnswer(String id, String name, ChannelKind kind, String colour, String approvalPolicyId,
                         long minimumGapMinutes, boolean retired, String retiredReason,
                         Set<String> requiredApprovalSteps, long version, Set<String> allowedActions) {
    }

    record ChannelRequest(@Size(max = 40) String channelId, @Size(max = 80) String name, @NotNull ChannelKind kind,
                          @NotNull @Size(max = 7) String colour, @Size(max = 40) String approvalPolicyId,
                          Long minimumGapMinutes) {

        ChannelSettings settings() {
            return new ChannelSettings(kind, colour.toLowerCase(Locale.ROOT), approvalPolicyId,
                    Duration.ofMinutes(minimumGapMinutes == null ? 0 : minimumGapMinutes));
        }
    }

    record RetireRequest(@Size(max = 2_000) String reason) {
    }

    /** The channels in service; with {@code includeRetired=true} the retired ones too. */
    @GetMapping
    List<ChannelAnswer> channels(@RequestParam(defaultValue = "false") boolean includeRetired) {
        Actor actor = permissions.require(Action.READ);
        return channels.all().stream().filter(view -> includeRetired || !view.retired())
                .map(view -> answer(view, actor)).toList();
    }

    @GetMapping("/{channelId}")
    ResponseEntity<ChannelAnswer> channel(@PathVariable String channelId) {
        Actor actor = permissions.require(Action.READ);
        ChannelView view = channels.find(channelId).orElseThrow(() -> notFound(channelId));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.sequence())).body(answer(view, actor));
    }

    @PostMapping
    ResponseEntity<ChannelAnswer> add(@Valid @RequestBody ChannelRequest request) {
        Actor actor = permissions.require(Action.MANAGE_CHANNELS);
        if (request.channelId() == null) {
            throw new BadRequest("channelId", InputRule.REQUIRED, "A new channel needs an id, e.g. mastodon.");
        }
        requireKnownPolicy(request.approvalPolicyId());
        GovernanceCommands.Target target = target(request.channelId());
        long version = commands.send(new AddChannelCommand(request.channelId(), request.name(), request.settings(),
                actor), actor, target).orElseThrow();
        ChannelView shown = await(target, version);
        return ResponseEntity.created(URI.create("/api/channels/" + shown.channelId()))
                .eTag(IfMatch.etag(shown.sequence())).body(answer(shown, actor));
    }

    /** Renames the channel and/or changes its kind, colour, approval policy and minimum gap. */
    @PutMapping("/{channelId}")
    ResponseEntity<ChannelAnswer> change(@PathVariable String channelId, @Valid @RequestBody ChannelRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.MANAGE_CHANNELS);
        requireKnownPolicy(request.approvalPolicyId());
        GovernanceCommands.Target target = target(channelId);
        long version = commands.send(new ChangeChannelCommand(channelId, request.name(), request.settings(), actor,
                IfMatch.version(ifMatch)), actor, target).orElseThrow();
        ChannelView shown = await(target, version);
        return ResponseEntity.ok().eTag(IfMatch.etag(shown.sequence())).body(answer(shown, actor));
    }

    /** Retires the channel: its placements stay readable, new ones are refused ({@code ChannelRetired}). */
    @PostMapping("/{channelId}/retire")
    ResponseEntity<ChannelAnswer> retire(@PathVariable String channelId,
                                         @Valid @RequestBody(required = false) RetireRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.MANAGE_CHANNELS);
        GovernanceCommands.Target target = target(channelId);
        long version = commands.send(new RetireChannelCommand(channelId, request == null ? null : request.reason(),
                actor, IfMatch.version(ifMatch)), actor, target).orElseThrow();
        ChannelView shown = await(target, version);
        return ResponseEntity.ok().eTag(IfMatch.etag(shown.sequence())).body(answer(shown, actor));
    }

    private void requireKnownPolicy(String policyId) {
        if (policyId != null && !policyId.isBlank() && policies.find(policyId).isEmpty()) {
            throw new BadRequest("approvalPolicyId", InputRule.KNOWN_POLICY,
                    "There is no approval policy '" + policyId + "'; see GET /api/approval-policies.");
        }
    }

    private ChannelView await(GovernanceCommands.Target target, long version) {
        return commands.awaitShown(ChannelProjection.PROCESSING_GROUP, target, version,
                () -> channels.find(target.id()), ChannelView::sequence).orElseThrow(() -> notFound(target.id()));
    }

    private ChannelAnswer answer(ChannelView view, Actor actor) {
        String policyId = view.approvalPolicyId() == null ? ApprovalPolicyDefinition.DEFAULT_POLICY : view.approvalPolicyId();
        Set<String> steps = new TreeSet<>();
        policies.find(policyId).map(PolicyView::steps).orElse(List.of()).stream().map(PolicyStep::group)
                .forEach(steps::add);
        Set<String> allowed = ChannelDefinition.changeRefusal(actor, view.channelId(), view.retired()).isEmpty()
                ? Set.of("CHANGE", "RETIRE") : Set.of();
        return new ChannelAnswer(view.channelId(), view.name(), view.kind(), view.colour(), view.approvalPolicyId(),
                view.minimumGapMinutes(), view.retired(), view.retiredReason(), steps, view.sequence(), allowed);
    }

    private static GovernanceCommands.Target target(String channelId) {
        return new GovernanceCommands.Target(ChannelDefinition.aggregateId(channelId), "channelId", channelId,
                ProblemType.CHANNEL_NOT_FOUND, "channel");
    }

    private static GovernanceCommands.NotFound notFound(String channelId) {
        return new GovernanceCommands.NotFound(ProblemType.CHANNEL_NOT_FOUND, "There is no channel '" + channelId + "'.");
    }
}
