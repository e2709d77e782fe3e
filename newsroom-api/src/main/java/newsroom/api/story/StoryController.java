package newsroom.api.story;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import newsroom.api.axon.EventHistory;
import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.governance.HeldDelegations;
import newsroom.api.security.KnownUsers;
import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.IfMatch;
import newsroom.api.web.InputRule;
import newsroom.channel.Channel;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.story.AcceptPitchCommand;
import newsroom.story.ApproveStoryCommand;
import newsroom.story.AssignStoryCommand;
import newsroom.story.CancelPlacementCommand;
import newsroom.story.CommentOnStoryCommand;
import newsroom.story.DeclinePitchCommand;
import newsroom.story.EditDraftCommand;
import newsroom.story.KillStoryCommand;
import newsroom.story.Mentions;
import newsroom.story.PitchStoryCommand;
import newsroom.story.PlanPlacementCommand;
import newsroom.story.PublishPlacementCommand;
import newsroom.story.RedeliverPlacementCommand;
import newsroom.story.RequestChangesCommand;
import newsroom.story.ReschedulePlacementCommand;
import newsroom.story.StoryStatus;
import newsroom.story.SubmitStoryCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
 * The story workflow over HTTP: one endpoint per command, reads from the {@code stories} read model and
 * the history from the event store. Each command answers with the story as it is afterwards and its
 * version in the ETag; send it back in {@code If-Match} to refuse the command if someone else changed
 * the story in between. Every story answered carries what the caller may do next ({@link StoryAnswers}).
 * The role check here only refuses early (403 before any lookup); the aggregate enforces the same table.
 */
@RestController
@RequestMapping("/api/stories")
@Validated
class StoryController {

    private final StoryCommandSender sender;
    private final StoryRepository stories;
    private final StoryHistory history;
    private final Permissions permissions;
    private final ChannelCatalogue channels;
    private final KnownUsers users;
    private final PlacementWarnings warnings;
    private final StoryAnswers answers;
    private final ReviewPolicies reviewPolicies;
    private final Clock clock;
    private final StoryTimeline timeline;

    StoryController(StoryCommandSender sender, StoryRepository stories, StoryHistory history,
                    Permissions permissions, ChannelCatalogue channels, KnownUsers users,
                    PlacementWarnings warnings, StoryAnswers answers, ReviewPolicies reviewPolicies, Clock clock,
                    StoryTimeline timeline) {
        this.sender = sender;
        this.stories = stories;
        this.history = history;
        this.permissions = permissions;
        this.channels = channels;
        this.users = users;
        this.warnings = warnings;
        this.answers = answers;
        this.reviewPolicies = reviewPolicies;
        this.clock = clock;
        this.timeline = timeline;
    }

    @GetMapping
    List<StoryAnswer> list(@RequestParam(required = false) StoryStatus status,
                           @RequestParam(required = false) String desk,
                           @RequestParam(required = false) String campaign,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Actor actor = permissions.require(Action.READ);
        return answers.forCaller(stories.list(status, desk, campaign, limit), actor);
    }

    /**
     * The story now, or with {@code asOf} as it stood at that instant, replayed from the event store (without
     * {@code allowedActions}: nobody acts on the past).
     */
    @GetMapping("/{storyId}")
    ResponseEntity<StoryAnswer> get(@PathVariable String storyId, @RequestParam(required = false) Instant asOf) {
        Actor actor = permissions.require(Action.READ);
        if (asOf != null) {
            return timeline.asOf(storyId, asOf).map(view -> withVersion(StoryAnswer.forEveryone(view)))
                    .orElseThrow(() -> new StoryNotFound(storyId));
        }
        return stories.find(storyId).map(view -> withVersion(answers.forCaller(view, actor)))
                .orElseThrow(() -> new StoryNotFound(storyId));
    }

    @GetMapping("/{storyId}/history")
    List<EventHistory.Entry> history(@PathVariable String storyId) {
        permissions.require(Action.READ);
        List<EventHistory.Entry> entries = history.of(storyId);
        if (entries.isEmpty()) {
            throw new StoryNotFound(storyId);
        }
        return entries;
    }

    @PostMapping
    ResponseEntity<StoryAnswer> pitch(@Valid @RequestBody StoryRequests.ContentRequest request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Actor actor = permissions.require(Action.PITCH);
        requireSourceExists(request.sourceStoryId());
        // A retried pitch with the same key names the same story, so it can never create a second one.
        String storyId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((actor.username() + "\n" + idempotencyKey).getBytes()).toString();
        StoryAnswer answer = answers.forCaller(sender.send(storyId,
                new PitchStoryCommand(storyId, request.toContent(), actor, clock.instant()), actor), actor);
        return ResponseEntity.created(URI.create("/api/stories/" + storyId)).eTag(IfMatch.etag(answer.version()))
                .body(answer);
    }

    @PostMapping("/{storyId}/accept")
    ResponseEntity<StoryAnswer> accept(@PathVariable String storyId,
                                     @Valid @RequestBody(required = false) StoryRequests.AcceptRequest request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.ACCEPT_PITCH);
        String assignee = request == null ? null : request.assignee();
        if (assignee != null) {
            users.requireKnown("assignee", assignee);
        }
        return send(storyId, new AcceptPitchCommand(storyId, assignee, actor, IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/decline")
    ResponseEntity<StoryAnswer> decline(@PathVariable String storyId,
                                      @Valid @RequestBody StoryRequests.ReasonRequest request,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.DECLINE_PITCH);
        return send(storyId, new DeclinePitchCommand(storyId, request.reason(), actor, IfMatch.version(ifMatch)), actor);
    }

    @PutMapping("/{storyId}/draft")
    ResponseEntity<StoryAnswer> edit(@PathVariable String storyId,
                                   @Valid @RequestBody StoryRequests.ContentRequest request,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.EDIT_DRAFT);
        requireSourceExists(request.sourceStoryId());
        return send(storyId, new EditDraftCommand(storyId, request.toContent(), actor, IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/assign")
    ResponseEntity<StoryAnswer> assign(@PathVariable String storyId,
                                     @Valid @RequestBody StoryRequests.AssignRequest request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.ASSIGN);
        users.requireKnown("assignee", request.assignee());
        return send(storyId, new AssignStoryCommand(storyId, request.assignee(), actor, IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/submit")
    ResponseEntity<StoryAnswer> submit(@PathVariable String storyId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.SUBMIT);
        StoryView story = stories.find(storyId).orElseThrow(() -> new StoryNotFound(storyId));
        return send(storyId, new SubmitStoryCommand(storyId, actor, reviewPolicies.inForceFor(story),
                IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/approvals")
    ResponseEntity<StoryAnswer> approve(@PathVariable String storyId,
                                      @Valid @RequestBody(required = false) StoryRequests.ApproveRequest request,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = answers.approver();
        String step = request == null ? null : request.step();
        Set<String> confirmed = request == null ? Set.of() : request.confirmed();
        HeldDelegations.Held held = answers.delegationsHeldBy(actor);
        return send(storyId, new ApproveStoryCommand(storyId, step, actor, confirmed, held.delegations(),
                held.delegators(), clock.instant(), IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/change-requests")
    ResponseEntity<StoryAnswer> requestChanges(@PathVariable String storyId,
                                             @Valid @RequestBody StoryRequests.ChangesRequest request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.REQUEST_CHANGES);
        return send(storyId, new RequestChangesCommand(storyId, request.comment(), actor, IfMatch.version(ifMatch)),
                actor);
    }

    @PostMapping("/{storyId}/placements")
    ResponseEntity<StoryAnswer> plan(@PathVariable String storyId,
                                   @Valid @RequestBody StoryRequests.PlacementRequest request,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.PLAN_PLACEMENT);
        Channel channel = channels.find(request.channelId()).orElseThrow(() -> new BadRequest("channelId",
                InputRule.KNOWN_CHANNEL, "There is no channel '" + request.channelId() + "'; see GET /api/channels."));
        String placementId = request.placementId() != null ? request.placementId()
                : channel.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
        StoryAnswer answer = answers.forCaller(sender.send(storyId, new PlanPlacementCommand(storyId, placementId,
                channel, request.slot(), request.text(), actor, clock.instant(), IfMatch.version(ifMatch)), actor),
                actor);
        // a collision does not stop planning; the editor sees it at once
        return withVersion(answer.withWarnings(warnings.warningsFor(storyId, placementId, answer.version())));
    }

    @PostMapping("/{storyId}/placements/{placementId}/reschedule")
    ResponseEntity<StoryAnswer> reschedule(@PathVariable String storyId, @PathVariable String placementId,
                                         @Valid @RequestBody StoryRequests.RescheduleRequest request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.RESCHEDULE_PLACEMENT);
        return send(storyId, new ReschedulePlacementCommand(storyId, placementId, request.slot(), actor,
                clock.instant(), IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/placements/{placementId}/cancel")
    ResponseEntity<StoryAnswer> cancel(@PathVariable String storyId, @PathVariable String placementId,
                                     @Valid @RequestBody StoryRequests.ReasonRequest request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.CANCEL_PLACEMENT);
        return send(storyId, new CancelPlacementCommand(storyId, placementId, request.reason(), actor,
                IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/placements/{placementId}/publish")
    ResponseEntity<StoryAnswer> publish(@PathVariable String storyId, @PathVariable String placementId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.PUBLISH_PLACEMENT);
        return send(storyId, new PublishPlacementCommand(storyId, placementId, actor, clock.instant(),
                IfMatch.version(ifMatch)), actor);
    }

    /** Sends a placement whose delivery failed to its channel's system again, under the same idempotency key. */
    @PostMapping("/{storyId}/placements/{placementId}/redeliver")
    ResponseEntity<StoryAnswer> redeliver(@PathVariable String storyId, @PathVariable String placementId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.REDELIVER_PLACEMENT);
        return send(storyId, new RedeliverPlacementCommand(storyId, placementId, actor, clock.instant(),
                IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/comments")
    ResponseEntity<StoryAnswer> comment(@PathVariable String storyId,
                                      @Valid @RequestBody StoryRequests.CommentRequest request,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.COMMENT);
        Set<String> mentions = Mentions.in(request.text()).stream().filter(users::exists)
                .collect(Collectors.toCollection(TreeSet::new));
        return send(storyId, new CommentOnStoryCommand(storyId, UUID.randomUUID().toString(), request.text(), mentions,
                actor, clock.instant(), IfMatch.version(ifMatch)), actor);
    }

    @PostMapping("/{storyId}/kill")
    ResponseEntity<StoryAnswer> kill(@PathVariable String storyId,
                                   @Valid @RequestBody StoryRequests.ReasonRequest request,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.KILL_STORY);
        return send(storyId, new KillStoryCommand(storyId, request.reason(), actor, IfMatch.version(ifMatch)), actor);
    }

    private ResponseEntity<StoryAnswer> send(String storyId, Object command, Actor actor) {
        return withVersion(answers.forCaller(sender.send(storyId, command, actor), actor));
    }

    private void requireSourceExists(String sourceStoryId) {
        if (sourceStoryId != null && !sourceStoryId.isBlank() && stories.find(sourceStoryId.strip()).isEmpty()) {
            throw new BadRequest("sourceStoryId", InputRule.KNOWN_STORY, "There is no story " + sourceStoryId + ".");
        }
    }

    private static ResponseEntity<StoryAnswer> withVersion(StoryAnswer answer) {
        return ResponseEntity.ok().eTag(IfMatch.etag(answer.version())).body(answer);
    }
}
