package newsroom.api.crisis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import newsroom.api.axon.MessageMetadata;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.security.ActionNotAllowed;
import newsroom.api.security.Permissions;
import newsroom.crisis.CrisisMode;
import newsroom.crisis.EndCrisisModeCommand;
import newsroom.crisis.PausedPlacementsDecision;
import newsroom.crisis.SwitchCrisisModeOnCommand;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crisis mode over HTTP: everyone reads whether it is on; governance leads switch it on and end it. The answer comes
 * once the crisis read model shows the change; the pausing of the placements follows within moments (each story's
 * own events, pushed live like every story change).
 */
@RestController
@RequestMapping("/api/crisis")
class CrisisController {

    private static final int RECENT = 20;

    private final CommandGateway commands;
    private final EventStore events;
    private final ReadModelProgress progress;
    private final CrisisRepository crises;
    private final Permissions permissions;
    private final Clock clock;

    CrisisController(CommandGateway commands, EventStore events, ReadModelProgress progress, CrisisRepository crises,
                     Permissions permissions, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.progress = progress;
        this.crises = crises;
        this.permissions = permissions;
        this.clock = clock;
    }

    record SwitchOnRequest(@NotBlank @Size(max = 2_000) String reason) {
    }

    /** @param decision what happens to the paused placements; none: the desk decides each one */
    record EndRequest(@NotBlank @Size(max = 2_000) String reason, PausedPlacementsDecision decision) {
    }

    /**
     * Whether crisis mode is on, the crisis in force (or null) and the latest crises with who and why.
     *
     * @param allowedActions what the caller may do: {@code SWITCH_CRISIS_MODE} for governance leads
     */
    record CrisisAnswer(boolean active, CrisisView current, List<CrisisView> recent, List<Action> allowedActions) {
    }

    @GetMapping
    CrisisAnswer status() {
        Actor actor = permissions.require(Action.READ);
        return answer(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CrisisAnswer switchOn(@Valid @RequestBody SwitchOnRequest request) {
        Actor actor = permissions.require(Action.SWITCH_CRISIS_MODE);
        send(new SwitchCrisisModeOnCommand(CrisisMode.NEWSROOM, UUID.randomUUID().toString(), request.reason(), actor,
                clock.instant()), actor);
        return answer(actor);
    }

    @PostMapping("/end")
    CrisisAnswer end(@Valid @RequestBody EndRequest request) {
        Actor actor = permissions.require(Action.SWITCH_CRISIS_MODE);
        PausedPlacementsDecision decision = request.decision() == null ? PausedPlacementsDecision.DECIDE_EACH
                : request.decision();
        send(new EndCrisisModeCommand(CrisisMode.NEWSROOM, request.reason(), decision, actor, clock.instant()), actor);
        return answer(actor);
    }

    private void send(Object command, Actor actor) {
        try {
            commands.sendAndWait(command, MetaData.with(MessageMetadata.USERNAME, actor.username()));
        } catch (MissingRole e) {
            throw new ActionNotAllowed(e);
        }
        // answer once the read model shows it, so a client that reloads sees its own change
        events.lastSequenceNumberFor(CrisisMode.NEWSROOM).ifPresent(version -> progress.awaitVersion(
                CrisisProjection.PROCESSING_GROUP, CrisisMode.NEWSROOM, version, crises::version, shown -> shown,
                Duration.ofSeconds(5)));
    }

    private CrisisAnswer answer(Actor actor) {
        List<CrisisView> recent = crises.latest(RECENT);
        CrisisView current = recent.stream().filter(CrisisView::active).findFirst().orElse(null);
        return new CrisisAnswer(current != null, current, recent,
                actor.may(Action.SWITCH_CRISIS_MODE) ? List.of(Action.SWITCH_CRISIS_MODE) : List.of());
    }
}
