package newsroom.calendar;

import java.time.Instant;
import java.util.Set;

import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlackoutPeriodTest {

    private static final Actor LEAD = Actor.of("gina", Role.GOVERNANCE_LEAD);
    private static final Instant FROM = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-03-05T00:00:00Z");

    private AggregateTestFixture<BlackoutPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BlackoutPeriod.class);
    }

    @Test
    void aQuietPeriodIsDefinedForChannels() {
        fixture.givenNoPriorActivity()
                .when(new DefineBlackoutPeriodCommand("q1", "Q1 results", Set.of("linkedin"), FROM, TO, "results", LEAD))
                .expectEvents(new BlackoutPeriodDefinedEvent("q1", "Q1 results", Set.of("linkedin"), FROM, TO,
                        "results", "gina"));
    }

    @Test
    void aPeriodThatDoesNotEndAfterItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineBlackoutPeriodCommand("q1", "Q1 results", Set.of(), TO, TO, "results", LEAD))
                .expectException(BlackoutPeriodInvalid.class);
    }

    @Test
    void aLiftedPeriodCannotBeLiftedAgain() {
        fixture.given(new BlackoutPeriodDefinedEvent("q1", "Q1", Set.of(), FROM, TO, "r", "gina"),
                        new BlackoutPeriodLiftedEvent("q1", "published early", "gina"))
                .when(new LiftBlackoutPeriodCommand("q1", "again", LEAD))
                .expectException(BlackoutPeriodInvalid.class);
    }
}
