package newsroom.crisis;

import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Instant;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The newsroom's crisis switch: one crisis at a time, switched by governance leads, each step with who and why. */
class CrisisModeTest {

    private static final String ID = CrisisMode.NEWSROOM;
    private static final Instant THURSDAY_1320 = Instant.parse("2026-11-26T13:20:00Z");
    private static final Instant FRIDAY_0800 = Instant.parse("2026-11-27T08:00:00Z");
    private static final Actor GRACE = Actor.of("grace", Role.GOVERNANCE_LEAD);
    private static final Actor LENA = Actor.of("lena", Role.GOVERNANCE_LEAD);
    private static final Actor EDDIE = Actor.of("eddie", Role.EDITOR);

    private FixtureConfiguration<CrisisMode> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CrisisMode.class);
    }

    private static CrisisModeSwitchedOnEvent switchedOn() {
        return new CrisisModeSwitchedOnEvent("c-1", "plant incident", "grace", THURSDAY_1320);
    }

    @Test
    void aLeadSwitchesCrisisModeOnWithAReason() {
        fixture.givenNoPriorActivity()
                .when(new SwitchCrisisModeOnCommand(ID, "c-1", "plant incident", GRACE, THURSDAY_1320))
                .expectEvents(switchedOn());
    }

    @Test
    void aCrisisSwitchedOnByOneLeadIsEndedByAnother() {
        fixture.given(switchedOn())
                .when(new EndCrisisModeCommand(ID, "statement out", PausedPlacementsDecision.DECIDE_EACH, LENA, FRIDAY_0800))
                .expectEvents(new CrisisModeEndedEvent("c-1", "statement out", PausedPlacementsDecision.DECIDE_EACH,
                        "lena", FRIDAY_0800));
    }

    @Test
    void anEditorNeitherSwitchesNorEndsIt() {
        fixture.givenNoPriorActivity()
                .when(new SwitchCrisisModeOnCommand(ID, "c-1", "plant incident", EDDIE, THURSDAY_1320))
                .expectException(missingRole(Action.SWITCH_CRISIS_MODE));
        fixture.given(switchedOn())
                .when(new EndCrisisModeCommand(ID, "over", PausedPlacementsDecision.RESUME, EDDIE, FRIDAY_0800))
                .expectException(missingRole(Action.SWITCH_CRISIS_MODE));
    }

    @Test
    void oneCrisisAtATime() {
        fixture.given(switchedOn())
                .when(new SwitchCrisisModeOnCommand(ID, "c-2", "another one", LENA, FRIDAY_0800))
                .expectException(rule(CrisisRule.ALREADY_ON));
    }

    @Test
    void aCrisisThatIsNotOnCannotEnd() {
        fixture.givenNoPriorActivity()
                .when(new EndCrisisModeCommand(ID, "over", PausedPlacementsDecision.RESUME, LENA, FRIDAY_0800))
                .expectException(rule(CrisisRule.NOT_ON));
        fixture.given(switchedOn(), new CrisisModeEndedEvent("c-1", "over", PausedPlacementsDecision.RESUME, "lena",
                        FRIDAY_0800))
                .when(new EndCrisisModeCommand(ID, "over again", PausedPlacementsDecision.RESUME, GRACE, FRIDAY_0800))
                .expectException(rule(CrisisRule.NOT_ON));
    }

    @Test
    void afterACrisisEndedTheNextOneMaySwitchOn() {
        fixture.given(switchedOn(), new CrisisModeEndedEvent("c-1", "over", PausedPlacementsDecision.RESUME, "lena",
                        FRIDAY_0800))
                .when(new SwitchCrisisModeOnCommand(ID, "c-2", "storm", LENA, FRIDAY_0800.plusSeconds(3600)))
                .expectEvents(new CrisisModeSwitchedOnEvent("c-2", "storm", "lena", FRIDAY_0800.plusSeconds(3600)));
    }

    private static TypeSafeMatcher<CrisisRuleViolation> rule(CrisisRule expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CrisisRuleViolation violation) {
                return violation.rule() == expected;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule ").appendValue(expected.ruleName());
            }
        };
    }
}
