package newsroom.people;

import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every personal API token rule, as given events / when command / expect events or the named rule. */
class ApiTokenTest {

    private static final Actor EDDIE = Actor.of("eddie", Role.EDITOR);
    private static final Actor VICTOR = Actor.of("victor", Role.VIEWER);
    private static final Actor ADA = Actor.of("ada", Role.ADMIN);
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    private static final Instant IN_90_DAYS = NOW.plus(Duration.ofDays(90));

    private FixtureConfiguration<ApiToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiToken.class);
    }

    private static ApiTokenCreatedEvent created() {
        return new ApiTokenCreatedEvent("t1", "eddie", "nightly export", NOW, IN_90_DAYS, "eddie");
    }

    private static Matcher<ApiTokenRuleViolation> rule(ApiTokenRule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ApiTokenRuleViolation violation) {
                return violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused by the rule ").appendValue(rule.ruleName());
            }
        };
    }

    @Test
    void aPersonCreatesATokenForThemselves() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "eddie", " nightly export ", NOW, IN_90_DAYS, EDDIE))
                .expectEvents(created());
    }

    @Test
    void everyRoleMayHaveTokens() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t2", "victor", "agency sync", NOW, IN_90_DAYS, VICTOR))
                .expectEvents(new ApiTokenCreatedEvent("t2", "victor", "agency sync", NOW, IN_90_DAYS, "victor"));
    }

    @Test
    void somebodyWithoutARoleHasNone() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "nobody", "x", NOW, IN_90_DAYS, Actor.of("nobody")))
                .expectException(missingRole(Action.READ))
                .expectNoEvents();
    }

    @Test
    void nobodyCreatesATokenForSomebodyElseNotEvenAnAdmin() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "eddie", "x", NOW, IN_90_DAYS, ADA))
                .expectException(rule(ApiTokenRule.OWN_TOKENS_ONLY))
                .expectNoEvents();
    }

    @Test
    void aTokenHasAName() {
        for (String name : new String[] {null, "", "   ", "x".repeat(101), "tab\tin the name"}) {
            fixture.givenNoPriorActivity()
                    .when(new CreateApiTokenCommand("t1", "eddie", name, NOW, IN_90_DAYS, EDDIE))
                    .expectException(rule(ApiTokenRule.TOKEN_NAME_FORMAT))
                    .expectNoEvents();
        }
    }

    @Test
    void aTokenExpires() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "eddie", "x", NOW, null, EDDIE))
                .expectException(rule(ApiTokenRule.TOKEN_EXPIRY_REQUIRED));
    }

    @Test
    void theExpiryLiesInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "eddie", "x", NOW, NOW, EDDIE))
                .expectException(rule(ApiTokenRule.TOKEN_EXPIRY_IN_THE_PAST));
    }

    @Test
    void aTokenLivesAtMostAYearAndADay() {
        Instant longest = NOW.plus(Duration.ofDays(366));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "eddie", "x", NOW, longest, EDDIE))
                .expectEvents(new ApiTokenCreatedEvent("t1", "eddie", "x", NOW, longest, "eddie"));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand("t1", "eddie", "x", NOW, longest.plusSeconds(1), EDDIE))
                .expectException(rule(ApiTokenRule.TOKEN_LIFETIME_TOO_LONG));
    }

    @Test
    void theOwnerRevokesTheirToken() {
        fixture.given(created())
                .when(new RevokeApiTokenCommand("t1", EDDIE))
                .expectEvents(new ApiTokenRevokedEvent("t1", "eddie", "eddie"));
    }

    @Test
    void anAdminRevokesAnyonesToken() {
        fixture.given(created())
                .when(new RevokeApiTokenCommand("t1", ADA))
                .expectEvents(new ApiTokenRevokedEvent("t1", "eddie", "ada"));
    }

    @Test
    void nobodyElseRevokesIt() {
        fixture.given(created())
                .when(new RevokeApiTokenCommand("t1", VICTOR))
                .expectException(missingRole(Action.MANAGE_USERS))
                .expectNoEvents();
    }

    @Test
    void aTokenIsRevokedOnce() {
        fixture.given(created(), new ApiTokenRevokedEvent("t1", "eddie", "eddie"))
                .when(new RevokeApiTokenCommand("t1", ADA))
                .expectException(rule(ApiTokenRule.TOKEN_ALREADY_REVOKED))
                .expectNoEvents();
    }
}
