package newsroom.api.story;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import newsroom.api.security.Permissions;
import newsroom.api.web.IfMatch;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.story.OverrideQuietPeriodCommand;
import newsroom.story.ResumePlacementCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What holds a placement back and how it is released: resuming a placement crisis mode paused, and a governance
 * lead's override of a quiet period for one placement. The domain decides both (rules in {@code StoryRules}); this
 * only turns requests into commands, like {@link StoryController}.
 */
@RestController
@RequestMapping("/api/stories/{storyId}/placements/{placementId}")
@Validated
class PlacementHoldsController {

    private final StoryCommandSender sender;
    private final StoryAnswers answers;
    private final Permissions permissions;
    private final Clock clock;

    PlacementHoldsController(StoryCommandSender sender, StoryAnswers answers, Permissions permissions, Clock clock) {
        this.sender = sender;
        this.answers = answers;
        this.permissions = permissions;
        this.clock = clock;
    }

    record ResumeRequest(@Size(max = 2_000) String reason) {
    }

    record OverrideRequest(@NotBlank @Size(max = 100) String blackoutId, @NotBlank @Size(max = 2_000) String reason) {
    }

    @PostMapping("/resume")
    ResponseEntity<StoryAnswer> resume(@PathVariable String storyId, @PathVariable String placementId,
                                       @Valid @RequestBody(required = false) ResumeRequest request,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.RESUME_PLACEMENT);
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? "resumed"
                : request.reason();
        return send(storyId, new ResumePlacementCommand(storyId, placementId, reason, actor, clock.instant(),
                IfMatch.version(ifMatch)), actor);
    }

    /** The placement need not be planned yet: a lead may clear a plan before it is made. */
    @PostMapping("/quiet-period-overrides")
    ResponseEntity<StoryAnswer> overrideQuietPeriod(@PathVariable String storyId,
                                                    @PathVariable @Pattern(regexp = StoryRequests.ID_PATTERN)
                                                    String placementId,
                                                    @Valid @RequestBody OverrideRequest request,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = permissions.require(Action.OVERRIDE_QUIET_PERIOD);
        return send(storyId, new OverrideQuietPeriodCommand(storyId, placementId, request.blackoutId(),
                request.reason(), actor, clock.instant(), IfMatch.version(ifMatch)), actor);
    }

    private ResponseEntity<StoryAnswer> send(String storyId, Object command, Actor actor) {
        StoryAnswer answer = answers.forCaller(sender.send(storyId, command, actor), actor);
        return ResponseEntity.ok().eTag(IfMatch.etag(answer.version())).body(answer);
    }
}
