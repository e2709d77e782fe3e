package newsroom.story;

import static newsroom.people.MissingRoleMatcher.missingRole;
import static newsroom.story.StoryHistories.ERIK;
import static newsroom.story.StoryHistories.FRIDAY_09;
import static newsroom.story.StoryHistories.GINA;
import static newsroom.story.StoryHistories.LINKEDIN;
import static newsroom.story.StoryHistories.NORA;
import static newsroom.story.StoryHistories.NOW;
import static newsroom.story.StoryHistories.PLANT_TOUR;
import static newsroom.story.StoryHistories.PRESS;
import static newsroom.story.StoryHistories.RESULTS;
import static newsroom.story.StoryHistories.STORY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import newsroom.calendar.Blackout;
import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quiet periods hold: nothing is planned, moved or published into one unless a lead overrode it for the placement. */
class StoryQuietPeriodTest {

    /** Inside {@link StoryHistories#RESULTS} (LinkedIn, Friday 08:00 to Saturday 09:00). */
    private static final Instant FRIDAY_11 = FRIDAY_09.plusSeconds(7200);
    private static final Restraints RESULTS_ONLY = new Restraints(null, List.of(RESULTS));

    private final AtomicReference<Restraints> restraints = new AtomicReference<>(RESULTS_ONLY);
    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerInjectableResource(ApprovalPolicy.standard());
        fixture.registerInjectableResource((RestraintsSource) restraints::get);
    }

    private static List<Object> planned() {
        return StoryHistories.all().get("two placements planned");
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> longer = new ArrayList<>(history);
        longer.addAll(List.of(more));
        return longer;
    }

    private static QuietPeriodOverriddenEvent overridden(String placementId) {
        return new QuietPeriodOverriddenEvent(STORY, placementId, RESULTS.blackoutId(), RESULTS.name(), "agreed with IR",
                "gina", NOW);
    }

    private static StoryRuleViolationMatcher rule(StoryRule rule) {
        return new StoryRuleViolationMatcher(rule);
    }

    @Test
    void planningIntoAQuietPeriodOnItsChannelIsRefused() {
        fixture.given(planned())
                .when(new PlanPlacementCommand(STORY, "p-new", LINKEDIN, FRIDAY_11, "Text", ERIK, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_IN_FORCE));
    }

    @Test
    void anotherChannelIsNotHeldByThePeriod() {
        fixture.given(planned())
                .when(new PlanPlacementCommand(STORY, "p-new", PRESS, FRIDAY_11, "Text", ERIK, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void movingIntoAQuietPeriodIsRefused() {
        fixture.given(planned())
                .when(new ReschedulePlacementCommand(STORY, "p-li", FRIDAY_11, ERIK, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_IN_FORCE));
    }

    @Test
    void publishingDuringAQuietPeriodIsRefused() {
        restraints.set(new Restraints(null, List.of(PLANT_TOUR)));
        fixture.given(StoryHistories.all().get("approved"))
                .when(new PublishPlacementCommand(STORY, "p-li", ERIK, NOW, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_IN_FORCE));
    }

    @Test
    void aLeadOverridesAPeriodForOnePlacementWithAReason() {
        fixture.given(planned())
                .when(new OverrideQuietPeriodCommand(STORY, "p-li", RESULTS.blackoutId(), "agreed with IR", GINA, NOW, null))
                .expectEvents(overridden("p-li"));
    }

    @Test
    void anOverrideMayComeBeforeThePlacementIsPlannedAndThenPlanningIsAccepted() {
        fixture.given(with(planned(), overridden("p-new")))
                .when(new PlanPlacementCommand(STORY, "p-new", LINKEDIN, FRIDAY_11, "Text", ERIK, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOverriddenPlacementIsMovedIntoThePeriodAndPublishedThere() {
        fixture.given(with(planned(), overridden("p-li")))
                .when(new ReschedulePlacementCommand(STORY, "p-li", FRIDAY_11, ERIK, null))
                .expectEvents(new PlacementRescheduledEvent(STORY, "p-li", FRIDAY_09, FRIDAY_11, "erik"));
        fixture.given(with(StoryHistories.all().get("approved"), overridden("p-li")))
                .when(new PublishPlacementCommand(STORY, "p-li", ERIK, FRIDAY_11, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theOverrideHoldsForThatPlacementOnly() {
        fixture.given(with(planned(), overridden("p-li")))
                .when(new PlanPlacementCommand(STORY, "p-other", LINKEDIN, FRIDAY_11, "Text", ERIK, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_IN_FORCE));
    }

    @Test
    void anEditorCannotOverride() {
        fixture.given(planned())
                .when(new OverrideQuietPeriodCommand(STORY, "p-li", RESULTS.blackoutId(), "please", ERIK, NOW, null))
                .expectException(missingRole(Action.OVERRIDE_QUIET_PERIOD));
    }

    @Test
    void aLiftedOrUnknownPeriodCannotBeOverridden() {
        fixture.given(planned())
                .when(new OverrideQuietPeriodCommand(STORY, "p-li", "q-lifted", "why", GINA, NOW, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_NOT_IN_FORCE));
    }

    @Test
    void aPeriodOnAnotherChannelIsNotOverriddenForAPlacement() {
        fixture.given(planned())
                .when(new OverrideQuietPeriodCommand(STORY, "p-press", RESULTS.blackoutId(), "why", GINA, NOW, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_NOT_ON_CHANNEL));
    }

    @Test
    void aPeriodIsOverriddenOncePerPlacement() {
        fixture.given(with(planned(), overridden("p-li")))
                .when(new OverrideQuietPeriodCommand(STORY, "p-li", RESULTS.blackoutId(), "again", GINA, NOW, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_ALREADY_OVERRIDDEN));
    }

    @Test
    void aPeriodOnEveryChannelHoldsThemAllAndItsOverrideIsPerPeriod() {
        Blackout everywhere = new Blackout("q-all", "All quiet", Set.of(), FRIDAY_09.minusSeconds(60),
                FRIDAY_09.plusSeconds(86_400));
        restraints.set(new Restraints(null, List.of(RESULTS, everywhere)));
        // overriding the LinkedIn period leaves the newsroom-wide one holding
        fixture.given(with(planned(), overridden("p-new")))
                .when(new PlanPlacementCommand(STORY, "p-new", LINKEDIN, FRIDAY_11, "Text", ERIK, null))
                .expectException(rule(StoryRule.QUIET_PERIOD_IN_FORCE));
    }

    @Test
    void aRefusalNamesEveryPeriodThatHoldsThePlacementAndThatAnEditorMayNotOverrideThem() {
        Blackout everywhere = new Blackout("q-all", "All quiet", Set.of(), FRIDAY_09.minusSeconds(60),
                FRIDAY_09.plusSeconds(86_400));
        restraints.set(new Restraints(null, List.of(RESULTS, everywhere)));
        fixture.given(planned())
                .when(new PlanPlacementCommand(STORY, "p-new", LINKEDIN, FRIDAY_11, "Text", ERIK, null))
                .expectException(new QuietPeriodInForceMatcher("p-new", LINKEDIN.id(), FRIDAY_11,
                        List.of(new QuietPeriodHold(RESULTS, false), new QuietPeriodHold(everywhere, false))));
    }

    @Test
    void aLeadIsToldSheMayOverrideThePeriodThatHoldsHerPlan() {
        Actor leadWhoPlans = Actor.of("nina", Role.EDITOR, Role.GOVERNANCE_LEAD);
        fixture.given(planned())
                .when(new PlanPlacementCommand(STORY, "p-new", LINKEDIN, FRIDAY_11, "Text", leadWhoPlans, null))
                .expectException(new QuietPeriodInForceMatcher("p-new", LINKEDIN.id(), FRIDAY_11,
                        List.of(new QuietPeriodHold(RESULTS, true))));
    }

    @Test
    void aPeriodAlreadyOverriddenForThePlacementIsNotNamedAgain() {
        Blackout everywhere = new Blackout("q-all", "All quiet", Set.of(), FRIDAY_09.minusSeconds(60),
                FRIDAY_09.plusSeconds(86_400));
        restraints.set(new Restraints(null, List.of(RESULTS, everywhere)));
        fixture.given(with(planned(), overridden("p-li")))
                .when(new ReschedulePlacementCommand(STORY, "p-li", FRIDAY_11, NORA, null))
                .expectException(new QuietPeriodInForceMatcher("p-li", LINKEDIN.id(), FRIDAY_11,
                        List.of(new QuietPeriodHold(everywhere, true))));
    }

    /** Matches a {@link QuietPeriodInForce} by what it names, not by its message. */
    private static final class QuietPeriodInForceMatcher extends TypeSafeMatcher<QuietPeriodInForce> {

        private final String placementId;
        private final String channelId;
        private final Instant at;
        private final List<QuietPeriodHold> holds;

        QuietPeriodInForceMatcher(String placementId, String channelId, Instant at, List<QuietPeriodHold> holds) {
            this.placementId = placementId;
            this.channelId = channelId;
            this.at = at;
            this.holds = holds;
        }

        @Override
        protected boolean matchesSafely(QuietPeriodInForce refused) {
            return refused.rule() == StoryRule.QUIET_PERIOD_IN_FORCE && refused.placementId().equals(placementId)
                    && refused.channelId().equals(channelId) && refused.at().equals(at) && refused.holds().equals(holds);
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("QuietPeriodInForce for ").appendValue(placementId).appendText(" on ")
                    .appendValue(channelId).appendText(" at ").appendValue(at).appendText(" held by ")
                    .appendValue(holds);
        }

        @Override
        protected void describeMismatchSafely(QuietPeriodInForce refused, Description mismatch) {
            mismatch.appendText("was for ").appendValue(refused.placementId()).appendText(" on ")
                    .appendValue(refused.channelId()).appendText(" at ").appendValue(refused.at())
                    .appendText(" held by ").appendValue(refused.holds());
        }
    }
}
