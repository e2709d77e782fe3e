package newsroom.story;

import static newsroom.governance.ApprovalPolicy.COMMUNICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static newsroom.people.MissingRoleMatcher.missingRole;
import static newsroom.story.StoryHistories.ERIK;
import static newsroom.story.StoryHistories.FRIDAY_09;
import static newsroom.story.StoryHistories.GINA;
import static newsroom.story.StoryHistories.LENA;
import static newsroom.story.StoryHistories.LINKEDIN;
import static newsroom.story.StoryHistories.NORA;
import static newsroom.story.StoryHistories.NOW;
import static newsroom.story.StoryHistories.STORY;
import static newsroom.story.StoryHistories.THURSDAY_14;
import static newsroom.story.StoryHistories.paused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import newsroom.crisis.PausedPlacementsDecision;
import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crisis mode as the story sees it: pausing, who may schedule and publish meanwhile, and deciding afterwards. */
class StoryCrisisTest {

    private static final String CRISIS = "crisis-1";
    private static final Restraints IN_CRISIS = new Restraints(CRISIS, List.of());

    private final AtomicReference<Restraints> restraints = new AtomicReference<>(Restraints.NONE);
    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerInjectableResource(ApprovalPolicy.standard());
        fixture.registerInjectableResource((RestraintsSource) restraints::get);
    }

    /** Approved; the press release Thursday 14:00, LinkedIn Friday 09:00. */
    private static List<Object> approved() {
        return StoryHistories.all().get("approved");
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> longer = new ArrayList<>(history);
        longer.addAll(List.of(more));
        return longer;
    }

    private static StoryRuleViolationMatcher rule(StoryRule rule) {
        return new StoryRuleViolationMatcher(rule);
    }

    @Test
    void switchingCrisisModeOnPausesEveryScheduledUnpublishedPlacementOneEventEach() {
        restraints.set(IN_CRISIS);
        fixture.given(approved())
                .when(new PausePlacementsCommand(STORY, CRISIS, "plant incident", GINA, NOW))
                .expectEvents(new PlacementPausedEvent(STORY, "p-press", CRISIS, "plant incident", "gina", NOW),
                        new PlacementPausedEvent(STORY, "p-li", CRISIS, "plant incident", "gina", NOW));
    }

    @Test
    void pausingTwiceRecordsNothingMoreAndSkipsPublishedAndCancelledPlacements() {
        restraints.set(IN_CRISIS);
        fixture.given(with(StoryHistories.all().get("approved, the press release published"), paused("p-li")))
                .when(new PausePlacementsCommand(STORY, CRISIS, "plant incident", GINA, NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPauseSentAfterItsCrisisEndedPausesNothing() {
        fixture.given(approved())
                .when(new PausePlacementsCommand(STORY, CRISIS, "plant incident", GINA, NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyAGovernanceLeadRunsTheCrisis() {
        restraints.set(IN_CRISIS);
        fixture.given(approved())
                .when(new PausePlacementsCommand(STORY, CRISIS, "plant incident", ERIK, NOW))
                .expectException(missingRole(Action.SWITCH_CRISIS_MODE));
    }

    @Test
    void aPausedPlacementIsNotPublishedEvenAfterTheCrisisEnded() {
        fixture.given(with(approved(), paused("p-press")))
                .when(new PublishPlacementCommand(STORY, "p-press", ERIK, THURSDAY_14, null))
                .expectException(rule(StoryRule.PLACEMENT_PAUSED));
    }

    @Test
    void aPlacementWhoseSlotFallsInsideTheCrisisStaysPausedWhenTheCrisisEndsWithResumeAll() {
        // paused Wednesday, the crisis ends Friday 10:00: Thursday's press release passed, LinkedIn's Friday 09:00 too
        Instant fridayTen = FRIDAY_09.plusSeconds(3600);
        fixture.given(with(approved(), paused("p-press"), paused("p-li")))
                .when(new DecidePausedPlacementsCommand(STORY, CRISIS, PausedPlacementsDecision.RESUME, "all clear",
                        LENA, fridayTen))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(with(approved(), paused("p-press"), paused("p-li")))
                .when(new ResumePlacementCommand(STORY, "p-press", "all clear", ERIK, fridayTen, null))
                .expectException(rule(StoryRule.PAUSED_SLOT_PASSED));
    }

    @Test
    void endingWithResumeAllResumesTheSlotsStillAheadOnly() {
        Instant thursdayNoon = THURSDAY_14.minusSeconds(7200);
        fixture.given(with(approved(), paused("p-press"), paused("p-li")))
                .when(new DecidePausedPlacementsCommand(STORY, CRISIS, PausedPlacementsDecision.RESUME, "all clear",
                        LENA, thursdayNoon))
                .expectEvents(new PlacementResumedEvent(STORY, "p-press", "all clear", "lena", thursdayNoon),
                        new PlacementResumedEvent(STORY, "p-li", "all clear", "lena", thursdayNoon));
    }

    @Test
    void endingWithCancelAllCancelsEveryPausedPlacementNamingTheCrisis() {
        fixture.given(with(approved(), paused("p-li")))
                .when(new DecidePausedPlacementsCommand(STORY, CRISIS, PausedPlacementsDecision.CANCEL, "story is dead",
                        LENA, NOW))
                .expectEvents(new PlacementCancelledEvent(STORY, "p-li", "crisis crisis-1 ended: story is dead", "lena"));
    }

    @Test
    void endingWithDecideEachLeavesThemPaused() {
        fixture.given(with(approved(), paused("p-li")))
                .when(new DecidePausedPlacementsCommand(STORY, CRISIS, PausedPlacementsDecision.DECIDE_EACH, "one by one",
                        LENA, NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theEditorReschedulesAPausedPlacementAfterTheCrisisAndItGoesOutAtTheNewSlot() {
        Instant later = FRIDAY_09.plusSeconds(86_400);
        fixture.given(with(approved(), paused("p-li")))
                .when(new ReschedulePlacementCommand(STORY, "p-li", later, ERIK, null))
                .expectEvents(new PlacementRescheduledEvent(STORY, "p-li", FRIDAY_09, later, "erik"),
                        new PlacementResumedEvent(STORY, "p-li", "rescheduled to " + later, "erik", null));
        fixture.given(with(approved(), paused("p-li"),
                        new PlacementRescheduledEvent(STORY, "p-li", FRIDAY_09, later, "erik"),
                        new PlacementResumedEvent(STORY, "p-li", "rescheduled", "erik", null)))
                .when(new PublishPlacementCommand(STORY, "p-li", ERIK, later, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theEditorResumesAPausedPlacementWhoseSlotIsAhead() {
        fixture.given(with(approved(), paused("p-li")))
                .when(new ResumePlacementCommand(STORY, "p-li", "all clear", ERIK, NOW, null))
                .expectEvents(new PlacementResumedEvent(STORY, "p-li", "all clear", "erik", NOW));
    }

    @Test
    void onlyAPausedPlacementIsResumed() {
        fixture.given(approved())
                .when(new ResumePlacementCommand(STORY, "p-li", "all clear", ERIK, NOW, null))
                .expectException(rule(StoryRule.PLACEMENT_NOT_PAUSED));
    }

    @Test
    void whileTheCrisisHoldsAnEditorNeitherPlansNorMovesNorResumesNorPublishes() {
        restraints.set(IN_CRISIS);
        fixture.given(StoryHistories.all().get("two placements planned"))
                .when(new PlanPlacementCommand(STORY, "p-new", LINKEDIN, FRIDAY_09.plusSeconds(7200), "More", ERIK, null))
                .expectException(rule(StoryRule.CRISIS_MODE_ACTIVE));
        fixture.given(approved())
                .when(new ReschedulePlacementCommand(STORY, "p-li", FRIDAY_09.plusSeconds(7200), ERIK, null))
                .expectException(rule(StoryRule.CRISIS_MODE_ACTIVE));
        fixture.given(approved())
                .when(new PublishPlacementCommand(STORY, "p-li", ERIK, FRIDAY_09, null))
                .expectException(rule(StoryRule.CRISIS_MODE_ACTIVE));
        fixture.given(with(approved(), paused("p-li")))
                .when(new ResumePlacementCommand(STORY, "p-li", "all clear", ERIK, NOW, null))
                .expectException(rule(StoryRule.CRISIS_MODE_ACTIVE));
    }

    @Test
    void aPlacementPlannedDuringTheCrisisByALeadWhoEditsIsScheduledAndNotPaused() {
        restraints.set(IN_CRISIS);
        Instant slot = FRIDAY_09.plusSeconds(7200);
        fixture.given(StoryHistories.all().get("two placements planned"))
                .when(new PlanPlacementCommand(STORY, "p-statement", LINKEDIN, slot, "Our statement", NORA, null))
                .expectEvents(new PlacementPlannedEvent(STORY, "p-statement", LINKEDIN.id(), LINKEDIN.name(),
                        LINKEDIN.kind(), Set.of(COMMUNICATIONS), slot, "Our statement", "nora", 4),
                        new PlacementClearedDuringCrisisEvent(STORY, "p-statement", CRISIS, "nora"));
    }

    @Test
    void pausingThatReachesTheStoryLateLeavesWhatALeadScheduledDuringTheCrisis() {
        restraints.set(IN_CRISIS);
        fixture.given(with(approved(), paused("p-press"),
                        new PlacementResumedEvent(STORY, "p-press", "the statement goes out", "nora", NOW),
                        new PlacementClearedDuringCrisisEvent(STORY, "p-press", CRISIS, "nora")))
                .when(new PausePlacementsCommand(STORY, CRISIS, "plant incident", GINA, NOW))
                .expectEvents(new PlacementPausedEvent(STORY, "p-li", CRISIS, "plant incident", "gina", NOW));
    }

    @Test
    void duringTheCrisisTheSchedulerPublishesAtItsSlotOnlyWhatALeadClearedForIt() {
        restraints.set(IN_CRISIS);
        List<Object> clearedByLead = with(approved(), paused("p-li"),
                new PlacementResumedEvent(STORY, "p-li", "the statement goes out", "nora", NOW),
                new PlacementClearedDuringCrisisEvent(STORY, "p-li", CRISIS, "nora"));
        fixture.given(clearedByLead)
                .when(new PublishPlacementCommand(STORY, "p-li", Actor.scheduler(), FRIDAY_09, null))
                .expectEvents(new PlacementPublishedEvent(STORY, "p-li", LINKEDIN.id(), Actor.SCHEDULER, FRIDAY_09, 3,
                        List.of(new Approval(COMMUNICATIONS, GINA.username(), 3)), null));
        fixture.given(clearedByLead)
                .when(new PublishPlacementCommand(STORY, "p-li", ERIK, FRIDAY_09, null))
                .expectException(rule(StoryRule.CRISIS_MODE_ACTIVE));
        fixture.given(approved())
                .when(new PublishPlacementCommand(STORY, "p-press", Actor.scheduler(), THURSDAY_14, null))
                .expectException(rule(StoryRule.CRISIS_MODE_ACTIVE));
    }

    @Test
    void aLeadResumingDuringTheCrisisClearsThePlacementForIt() {
        restraints.set(IN_CRISIS);
        fixture.given(with(approved(), paused("p-li")))
                .when(new ResumePlacementCommand(STORY, "p-li", "the statement goes out", NORA, NOW, null))
                .expectEvents(new PlacementResumedEvent(STORY, "p-li", "the statement goes out", "nora", NOW),
                        new PlacementClearedDuringCrisisEvent(STORY, "p-li", CRISIS, "nora"));
    }

    @Test
    void cancellingIsNotHeldBackByTheCrisis() {
        restraints.set(IN_CRISIS);
        fixture.given(with(approved(), paused("p-li")))
                .when(new CancelPlacementCommand(STORY, "p-li", "no longer fits", ERIK, null))
                .expectEvents(new PlacementCancelledEvent(STORY, "p-li", "no longer fits", "erik"));
    }

    @Test
    void theStateRemembersWhichPlacementsArePausedUntilTheyAreResumed() {
        assertThat(StoryHistories.stateAfter(with(approved(), paused("p-li"))).pausedPlacements())
                .extracting(Placement::id).containsExactly("p-li");
        assertThat(StoryHistories.stateAfter(StoryHistories.all()
                .get("approved, the press release paused, LinkedIn resumed")).pausedPlacements())
                .extracting(Placement::id).containsExactly("p-press");
    }
}
