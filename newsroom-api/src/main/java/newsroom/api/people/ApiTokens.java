package newsroom.api.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import newsroom.api.axon.MessageMetadata;
import newsroom.people.Actor;
import newsroom.people.ApiTokenRule;
import newsroom.people.ApiTokenRuleViolation;
import newsroom.people.CreateApiTokenCommand;
import newsroom.people.RevokeApiTokenCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens, for scripts: creating one (its secret shown once), revoking one, listing someone's, and
 * finding whose a presented token is. A token signs in exactly while the {@code api_tokens} read model shows it
 * neither revoked nor expired, and while its secret's hash is stored: the hash is stored before the creating event
 * and deleted right after the revoking one, and both commands answer once the read model shows them.
 */
@Component
public class ApiTokens {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final ApiTokenRepository tokens;
    private final ApiTokenSecrets secrets;
    private final AccountChanges changes;
    private final Clock clock;

    ApiTokens(CommandGateway commands, ApiTokenRepository tokens, ApiTokenSecrets secrets, AccountChanges changes,
              Clock clock) {
        this.commands = commands;
        this.tokens = tokens;
        this.secrets = secrets;
        this.changes = changes;
        this.clock = clock;
    }

    /** A token as its owner and admins see it: never the secret. {@code lastUsedAt} is to the minute. */
    public record TokenInfo(String id, String owner, String name, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, String createdBy, boolean revoked) {
    }

    /** A new token and its secret, which is shown in this answer only. */
    public record Created(TokenInfo info, String token) {
    }

    /**
     * A presented token that signs in: whose it is, and whether this is its first use this day (UTC), which the
     * sign-in record notes.
     */
    public record TokenUse(String tokenId, String owner, boolean firstUseToday) {
    }

    /**
     * Creates a token for the person. Refused 400 naming {@code name} or {@code expiresAt} (a token rule about a
     * field); a domain {@code MissingRole} is passed on for the caller to answer 403.
     */
    public Created create(Actor owner, String name, Instant expiresAt) {
        String tokenId = UUID.randomUUID().toString();
        Instant createdAt = clock.instant();
        String token = secrets.create(tokenId, owner.username());
        try {
            send(tokenId, new CreateApiTokenCommand(tokenId, owner.username(), name, createdAt, expiresAt, owner),
                    owner);
        } catch (RuntimeException refused) {
            secrets.delete(tokenId);
            throw refused;
        }
        awaitVersion(tokenId, 0);
        // as stored; after the bound, as the event says (an accepted command is never answered as failed)
        TokenInfo info = tokens.find(tokenId).map(view -> info(view, null)).orElseGet(() -> new TokenInfo(tokenId,
                owner.username(), name.strip(), createdAt, expiresAt, null, owner.username(), false));
        return new Created(info, token);
    }

    /** Revokes the token: from this answer on it signs nobody in. 404 for an unknown token, 409 if already revoked. */
    public TokenInfo revoke(Actor by, String tokenId) {
        send(tokenId, new RevokeApiTokenCommand(tokenId, by), by);
        secrets.delete(tokenId);
        awaitVersion(tokenId, 1);
        return tokens.find(tokenId).map(view -> info(view, null)).orElseThrow(() -> new ApiTokenNotFound(tokenId));
    }

    /** The person's tokens, newest first, revoked and expired ones included. */
    public List<TokenInfo> ownedBy(String owner) {
        List<ApiTokenView> owned = tokens.ownedBy(owner);
        Map<String, Instant> lastUses = secrets.lastUses(owned.stream().map(ApiTokenView::tokenId).toList());
        return owned.stream().map(view -> info(view, lastUses.get(view.tokenId()))).toList();
    }

    public Optional<TokenInfo> find(String tokenId) {
        return tokens.find(tokenId).map(view -> info(view, null));
    }

    /** Whose the presented token is, if it signs in now; notes the use. The owner's account is the caller's check. */
    public Optional<TokenUse> use(String presentedToken) {
        Instant now = clock.instant();
        return secrets.find(presentedToken).filter(secret -> signsIn(secret.tokenId(), now)).map(secret -> {
            secrets.used(secret, now);
            boolean firstToday = secret.lastUsedAt() == null || !day(secret.lastUsedAt()).equals(day(now));
            return new TokenUse(secret.tokenId(), secret.owner(), firstToday);
        });
    }

    /** Whether the token still signs in (not revoked, not expired), e.g. for a live connection opened with it. */
    public boolean signsIn(String tokenId) {
        return signsIn(tokenId, clock.instant());
    }

    private boolean signsIn(String tokenId, Instant now) {
        return tokens.find(tokenId).map(view -> view.signsInAt(now)).orElse(false);
    }

    private void send(String tokenId, Object command, Actor by) {
        try {
            commands.sendAndWait(command, MetaData.with(MessageMetadata.USERNAME, by.username()));
        } catch (AggregateNotFoundException e) {
            throw new ApiTokenNotFound(tokenId);
        } catch (ApiTokenRuleViolation e) {
            throw e.rule().field() != null ? AccountInputRefused.of(e) : new AccountRuleViolated(e);
        } catch (ConcurrencyException e) {
            // only a revocation can race (ids are random): another one was stored first
            throw new AccountRuleViolated(new ApiTokenRuleViolation(ApiTokenRule.TOKEN_ALREADY_REVOKED,
                    "the token was revoked at the same moment"));
        }
    }

    /** Waits (bounded) until the read model shows the token at least at this version. */
    private void awaitVersion(String tokenId, long version) {
        changes.await(() -> tokens.find(tokenId).map(view -> view.version() >= version).orElse(false),
                READ_YOUR_WRITES);
    }

    private static TokenInfo info(ApiTokenView view, Instant lastUsedAt) {
        return new TokenInfo(view.tokenId(), view.owner(), view.name(), view.createdAt(), view.expiresAt(), lastUsedAt,
                view.createdBy(), view.revoked());
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
