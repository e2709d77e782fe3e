package newsroom.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.ConflictRule;
import newsroom.api.web.InputRule;
import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import newsroom.calendar.BlackoutPeriodInvalid;
import newsroom.calendar.DefineBlackoutPeriodCommand;
import newsroom.calendar.LiftBlackoutPeriodCommand;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quiet (blackout) periods: governance leads define and lift them; everyone sees them on the calendar. */
@RestController
@RequestMapping("/api/blackouts")
class BlackoutController {

    private final CommandGateway commands;
    private final EventStore events;
    private final ReadModelProgress progress;
    private final BlackoutRepository blackouts;
    private final ChannelCatalogue channels;
    private final Permissions permissions;

    BlackoutController(CommandGateway commands, EventStore events, ReadModelProgress progress,
                       BlackoutRepository blackouts, ChannelCatalogue channels, Permissions permissions) {
        this.commands = commands;
        this.events = events;
        this.progress = progress;
        this.blackouts = blackouts;
        this.channels = channels;
        this.permissions = permissions;
    }

    record BlackoutRequest(@NotBlank @Size(max = 200) String name, Set<@NotBlank String> channels,
                           @NotNull Instant from, @NotNull Instant to, @NotBlank @Size(max = 2_000) String reason) {
    }

    record LiftRequest(@NotBlank @Size(max = 2_000) String reason) {
    }

    @GetMapping
    List<BlackoutView> all() {
        permissions.require(Action.READ);
        return blackouts.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BlackoutView define(@Valid @RequestBody BlackoutRequest request) {
        Actor actor = permissions.require(Action.DEFINE_BLACKOUT);
        Set<String> channelIds = request.channels() == null ? Set.of() : request.channels();
        channelIds.stream().filter(id -> channels.find(id).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new BadRequest("channels", InputRule.KNOWN_CHANNEL, "There is no channel '" + unknown + "'.");
        });
        String blackoutId = UUID.randomUUID().toString();
        try {
            commands.sendAndWait(new DefineBlackoutPeriodCommand(blackoutId, request.name(), channelIds,
                    request.from(), request.to(), request.reason(), actor));
        } catch (BlackoutPeriodInvalid e) {
            throw new BadRequest("to", InputRule.AFTER_FROM, e.getMessage());
        }
        // answer once the list and the calendar show it, so a client that reloads sees its own change
        awaitReadModel(blackoutId);
        return new BlackoutView(blackoutId, request.name(), channelIds, request.from(), request.to(),
                request.reason(), actor.username(), false);
    }

    @PostMapping("/{blackoutId}/lift")
    void lift(@PathVariable String blackoutId, @Valid @RequestBody LiftRequest request) {
        Actor actor = permissions.require(Action.DEFINE_BLACKOUT);
        try {
            commands.sendAndWait(new LiftBlackoutPeriodCommand(blackoutId, request.reason(), actor));
        } catch (AggregateNotFoundException e) {
            throw new BlackoutNotFound(blackoutId);
        } catch (BlackoutPeriodInvalid e) {
            throw new BlackoutAlreadyLifted(e.getMessage());
        }
        awaitReadModel(blackoutId);
    }

    private void awaitReadModel(String blackoutId) {
        events.lastSequenceNumberFor(blackoutId).ifPresent(version -> progress.awaitVersion(
                BlackoutProjection.PROCESSING_GROUP, blackoutId, version, () -> blackouts.version(blackoutId),
                shown -> shown, Duration.ofSeconds(5)));
    }

    static class BlackoutAlreadyLifted extends ProblemException {

        BlackoutAlreadyLifted(String detail) {
            super(detail);
        }

        @Override
        public ProblemDetail problem() {
            return Problems.ruleViolation(ConflictRule.BLACKOUT_ALREADY_LIFTED, getMessage());
        }
    }

    static class BlackoutNotFound extends ProblemException {

        BlackoutNotFound(String blackoutId) {
            super("There is no blackout period " + blackoutId + ".");
        }

        @Override
        public ProblemDetail problem() {
            return Problems.of(ProblemType.BLACKOUT_NOT_FOUND, getMessage());
        }
    }
}
