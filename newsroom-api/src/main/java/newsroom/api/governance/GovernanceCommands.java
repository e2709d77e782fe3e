package newsroom.api.governance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.security.ActionNotAllowed;
import newsroom.api.web.FieldError;
import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import newsroom.api.web.VersionConflict;
import newsroom.governance.GovernanceRule;
import newsroom.governance.GovernanceRuleViolation;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Sends the commands of governance data (channels, approval policies, delegations) the same way: the user in the
 * metadata, a refused rule answered 400 naming the field or 409 naming the rule, a stale If-Match or a lost race
 * 409 with the current version, an unknown aggregate 404; then waits until the read model shows the change.
 */
@Component
public class GovernanceCommands {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final EventStore events;
    private final ReadModelProgress progress;

    GovernanceCommands(CommandGateway commands, EventStore events, ReadModelProgress progress) {
        this.commands = commands;
        this.events = events;
        this.progress = progress;
    }

    /** What a command is about, for its error answers. */
    public record Target(String aggregateId, String idProperty, String id, ProblemType notFound, String noun) {
    }

    /** Sends the command; returns the aggregate's version afterwards (empty if it has no events). */
    public Optional<Long> send(Object command, Actor actor, Target target) {
        try {
            commands.sendAndWait(command, MetaData.with(MessageMetadata.USERNAME, actor.username()));
        } catch (GovernanceRuleViolation e) {
            throw new GovernanceRuleRefused(e);
        } catch (MissingRole e) {
            throw new ActionNotAllowed(e);
        } catch (AggregateNotFoundException e) {
            throw new NotFound(target.notFound(), "There is no " + target.noun() + " '" + target.id() + "'.");
        } catch (ConflictingAggregateVersionException e) {
            throw new Conflict(target, version(target), "The " + target.noun() + " is at version "
                    + e.getActualVersion() + ", not " + e.getExpectedVersion() + ". Reload it and try again.");
        } catch (ConcurrencyException e) {
            throw new Conflict(target, version(target), "Another change to this " + target.noun()
                    + " was saved at the same moment. Reload it and try again.");
        }
        return version(target);
    }

    /** Waits until the read model shows the aggregate at this version, so the caller reads its own write. */
    public <T> Optional<T> awaitShown(String readModel, Target target, long version,
                                      java.util.function.Supplier<Optional<T>> read,
                                      java.util.function.ToLongFunction<T> versionOf) {
        return progress.awaitVersion(readModel, target.aggregateId(), version, read, versionOf, READ_YOUR_WRITES);
    }

    private Optional<Long> version(Target target) {
        return events.lastSequenceNumberFor(target.aggregateId());
    }

    /** A governance rule refused the command: 400 naming the field, or 409 naming the rule. */
    static final class GovernanceRuleRefused extends ProblemException {

        private final GovernanceRule rule;

        GovernanceRuleRefused(GovernanceRuleViolation violation) {
            super(violation.getMessage());
            this.rule = violation.rule();
        }

        @Override
        public ProblemDetail problem() {
            return rule.field() != null
                    ? Problems.invalid(List.of(new FieldError(rule.field(), rule.ruleName(), getMessage())))
                    : Problems.ruleViolation(rule.ruleName(), rule.description(), getMessage());
        }
    }

    /** A channel, policy or delegation that does not exist. */
    public static final class NotFound extends ProblemException {

        private final ProblemType type;

        public NotFound(ProblemType type, String detail) {
            super(detail);
            this.type = type;
        }

        @Override
        public ProblemDetail problem() {
            return Problems.of(type, getMessage());
        }
    }

    static final class Conflict extends VersionConflict {

        Conflict(Target target, Optional<Long> current, String detail) {
            super("The " + target.noun() + " has changed", target.idProperty(), target.id(), current.orElse(null), detail);
        }
    }
}
