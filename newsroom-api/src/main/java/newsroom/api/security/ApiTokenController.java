package newsroom.api.security;

import static newsroom.api.security.ActionNotAllowed.refusedForRole;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import newsroom.api.people.ApiTokenNotFound;
import newsroom.api.people.ApiTokens;
import newsroom.api.people.UserDirectory;
import newsroom.api.people.UserNotFound;
import newsroom.api.web.CarriesSecrets;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens for scripts ({@code Authorization: Bearer nrt_…}): my own ({@code /api/me/tokens}: create —
 * the secret is in that answer only —, list, revoke) and, for admins and auditors, anyone's
 * ({@code /api/admin/users/{username}/tokens}; revoking is for admins). The rules are the domain's
 * ({@code ApiTokenRules}).
 */
@RestController
class ApiTokenController {

    /** A token without a chosen expiry lasts this long (the dashboard offers the same). */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    private final ApiTokens tokens;
    private final Permissions permissions;
    private final UserDirectory directory;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Permissions permissions, UserDirectory directory, Clock clock) {
        this.tokens = tokens;
        this.permissions = permissions;
        this.directory = directory;
        this.clock = clock;
    }

    /** @param expiresAt when the token stops working; 90 days from now when absent, at most 366 days away */
    record CreateTokenRequest(String name, Instant expiresAt) {
    }

    /** A token as listed: never its secret. {@code lastUsedAt} is to the minute. */
    record TokenAnswer(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                       boolean revoked) {

        static TokenAnswer of(ApiTokens.TokenInfo info) {
            return new TokenAnswer(info.id(), info.name(), info.createdAt(), info.expiresAt(), info.lastUsedAt(),
                    info.revoked());
        }
    }

    /** A new token: {@code token} is its secret, shown in this answer only. */
    record CreatedToken(String id, String name, Instant createdAt, Instant expiresAt, String token) {
    }

    @GetMapping("/api/me/tokens")
    List<TokenAnswer> mine() {
        Actor me = permissions.require(Action.READ);
        return tokens.ownedBy(me.username()).stream().filter(info -> !info.revoked()).map(TokenAnswer::of).toList();
    }

    @PostMapping("/api/me/tokens")
    @CarriesSecrets
    ResponseEntity<CreatedToken> create(@RequestBody CreateTokenRequest request) {
        // a token made by a token would outlive the revocation of a leaked one
        Actor me = permissions.requireInPerson(Action.READ, "Creating an API token");
        Instant expiresAt = request.expiresAt() != null ? request.expiresAt()
                : clock.instant().plus(DEFAULT_LIFETIME);
        ApiTokens.Created created = refusedForRole(() -> tokens.create(me, request.name(), expiresAt));
        ApiTokens.TokenInfo info = created.info();
        return ResponseEntity.created(URI.create("/api/me/tokens/" + info.id()))
                .body(new CreatedToken(info.id(), info.name(), info.createdAt(), info.expiresAt(), created.token()));
    }

    /** Revokes one of my tokens (204); somebody else's is not found here (404). */
    @DeleteMapping("/api/me/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeMine(@PathVariable String tokenId) {
        Actor me = permissions.require(Action.READ);
        tokens.find(tokenId).filter(info -> info.owner().equals(me.username()))
                .orElseThrow(() -> new ApiTokenNotFound(tokenId));
        tokens.revoke(me, tokenId);
    }

    /** Everyone's tokens, revoked ones included, for admins and auditors. */
    @GetMapping("/api/admin/users/{username}/tokens")
    List<ApiTokens.TokenInfo> ofUser(@PathVariable String username) {
        permissions.require(Action.READ_AUDIT_TRAIL);
        directory.find(username).orElseThrow(() -> new UserNotFound(username));
        return tokens.ownedBy(username);
    }

    /** An admin revokes somebody's token (204): it stops working at once, live connections opened with it too. */
    @DeleteMapping("/api/admin/users/{username}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String username, @PathVariable String tokenId) {
        Actor admin = permissions.require(Action.MANAGE_USERS);
        tokens.find(tokenId).filter(info -> info.owner().equals(username))
                .orElseThrow(() -> new ApiTokenNotFound(tokenId));
        refusedForRole(() -> tokens.revoke(admin, tokenId));
    }
}
