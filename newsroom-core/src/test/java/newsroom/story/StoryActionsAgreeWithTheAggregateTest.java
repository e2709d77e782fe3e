package newsroom.story;

import static newsroom.story.StoryHistories.LINKEDIN;
import static newsroom.story.StoryHistories.NOW;
import static newsroom.story.StoryHistories.STORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The property that makes {@link StoryActions} trustworthy: for every story history and every person,
 * each action it offers is accepted by the {@link Story} aggregate, and each action it does not offer is
 * refused with a named rule or a missing role. Commands are given values that are valid where a value
 * could be (a slot after the embargo, a new placement id, changed content), so a refusal comes from the
 * rules, not from a careless command.
 */
class StoryActionsAgreeWithTheAggregateTest {

    @TestFactory
    Stream<DynamicTest> everyOfferedActionIsAcceptedAndEveryOtherIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        StoryHistories.restraints().forEach((situation, restraints) ->
                StoryHistories.all().forEach((name, history) -> {
                    for (Actor actor : StoryHistories.PEOPLE) {
                        tests.add(DynamicTest.dynamicTest(situation + " / " + name + " / " + actor.username() + " "
                                + actor.roles(), () -> checkEveryAction(history, actor, restraints)));
                    }
                }));
        return tests.stream();
    }

    @Test
    void theHistoriesCoverEveryActionBothOfferedAndRefused() {
        Set<Action> offered = new TreeSet<>();
        Set<Action> refused = new TreeSet<>();
        for (Restraints restraints : StoryHistories.restraints().values()) {
        for (List<Object> history : StoryHistories.all().values()) {
            StoryState state = StoryHistories.stateAfter(history);
            for (Actor actor : StoryHistories.PEOPLE) {
                AllowedActions allowed = StoryActions.allowedFor(state, actor,
                        Circumstances.at(NOW, ApprovalPolicy.standard()).with(restraints));
                for (Action action : Action.of(Action.Scope.STORY)) {
                    (allowed.allows(action) ? offered : refused).add(action);
                }
                for (Placement placement : state.placements()) {
                    for (Action action : Action.of(Action.Scope.PLACEMENT)) {
                        (allowed.placement(placement.id()).contains(action) ? offered : refused).add(action);
                    }
                }
            }
        }
        }
        Set<Action> storyAndPlacementActions = new TreeSet<>(Action.of(Action.Scope.STORY));
        storyAndPlacementActions.addAll(Action.of(Action.Scope.PLACEMENT));
        assertThat(offered).containsExactlyInAnyOrderElementsOf(storyAndPlacementActions);
        assertThat(refused).containsExactlyInAnyOrderElementsOf(storyAndPlacementActions);
    }

    private void checkEveryAction(List<Object> history, Actor actor, Restraints restraints) {
        StoryState state = StoryHistories.stateAfter(history);
        AllowedActions allowed = StoryActions.allowedFor(state, actor,
                new Circumstances(NOW, ApprovalPolicy.standard(), StoryHistories.DELEGATIONS,
                        StoryHistories.DELEGATORS, restraints));
        FixtureConfiguration<Story> fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerInjectableResource(ApprovalPolicy.standard());
        fixture.registerInjectableResource((RestraintsSource) () -> restraints);
        Instant freeSlot = freeSlot(state, restraints);

        for (Map.Entry<Action, Object> entry : storyCommands(history, state, actor, freeSlot).entrySet()) {
            expect(fixture, history, entry.getValue(), allowed.allows(entry.getKey()), entry.getKey().name());
        }
        for (Placement placement : state.placements()) {
            Set<Action> offered = allowed.placement(placement.id());
            expect(fixture, history, new ReschedulePlacementCommand(STORY, placement.id(),
                            freeSlot.plusSeconds(3600), actor, null),
                    offered.contains(Action.RESCHEDULE_PLACEMENT), "RESCHEDULE " + placement.id());
            expect(fixture, history, new CancelPlacementCommand(STORY, placement.id(), "not needed", actor, null),
                    offered.contains(Action.CANCEL_PLACEMENT), "CANCEL " + placement.id());
            expect(fixture, history, new PublishPlacementCommand(STORY, placement.id(), actor, NOW, null),
                    offered.contains(Action.PUBLISH_PLACEMENT), "PUBLISH " + placement.id());
            expect(fixture, history, new RedeliverPlacementCommand(STORY, placement.id(), actor, NOW, null),
                    offered.contains(Action.REDELIVER_PLACEMENT), "REDELIVER " + placement.id());
            expect(fixture, history, new ResumePlacementCommand(STORY, placement.id(), "all clear", actor, NOW, null),
                    offered.contains(Action.RESUME_PLACEMENT), "RESUME " + placement.id());
            expect(fixture, history, new OverrideQuietPeriodCommand(STORY, placement.id(),
                            periodToOverride(state, placement, restraints), "long planned", actor, NOW, null),
                    offered.contains(Action.OVERRIDE_QUIET_PERIOD), "OVERRIDE_QUIET_PERIOD " + placement.id());
        }
        // APPROVE is offered exactly when a step may be signed; each step is checked on its own
        assertThat(allowed.allows(Action.APPROVE)).isEqualTo(!allowed.approvableSteps().isEmpty());
        Set<String> steps = new TreeSet<>(state.requiredSteps());
        steps.addAll(Set.of(ApprovalPolicy.COMMUNICATIONS, ApprovalPolicy.LEGAL));
        for (String step : steps) {
            // with every guideline confirmed and the delegations the person holds, as the API sends it
            expect(fixture, history, new ApproveStoryCommand(STORY, step, actor, Set.copyOf(state.checklist()),
                            StoryHistories.DELEGATIONS, StoryHistories.DELEGATORS, NOW, null),
                    allowed.approvableSteps().contains(step), "APPROVE " + step);
        }
    }

    /** One valid command per story-level action except APPROVE (checked per step). */
    /** A slot after the embargo and every quiet period: valid wherever a slot could be. */
    private static Instant freeSlot(StoryState state, Restraints restraints) {
        Instant slot = state.embargo() != null && state.embargo().isAfter(StoryHistories.FRIDAY_09)
                ? state.embargo() : StoryHistories.FRIDAY_09;
        for (var period : restraints.quietPeriods()) {
            slot = period.endsAt().isAfter(slot) ? period.endsAt() : slot;
        }
        return slot.plusSeconds(7200);
    }

    /** A quiet period on the placement's channel not yet overridden for it; else any in force; else an unknown one. */
    private static String periodToOverride(StoryState state, Placement placement, Restraints restraints) {
        return restraints.onChannel(placement.channelId()).stream()
                .filter(period -> !state.overridden(placement.id(), period.blackoutId()))
                .findFirst()
                .or(() -> restraints.quietPeriods().stream().findFirst())
                .map(period -> period.blackoutId())
                .orElse("q-unknown");
    }

    private static Map<Action, Object> storyCommands(List<Object> history, StoryState state, Actor actor,
                                                     Instant freeSlot) {
        StoryContent current = StoryHistories.contentAfter(history);
        StoryContent edited = new StoryContent(current.title(), current.angle(), "Edited by " + actor.username(),
                current.desk(), current.audience(), current.campaign(), current.priority(), current.embargo(), null);
        return Map.of(
                Action.ACCEPT_PITCH, new AcceptPitchCommand(STORY, null, actor, null),
                Action.DECLINE_PITCH, new DeclinePitchCommand(STORY, "not for us", actor, null),
                Action.EDIT_DRAFT, new EditDraftCommand(STORY, edited, actor, null),
                Action.ASSIGN, new AssignStoryCommand(STORY, "otto", actor, null),
                Action.SUBMIT, new SubmitStoryCommand(STORY, actor, null),
                Action.REQUEST_CHANGES, new RequestChangesCommand(STORY, "shorter, please", actor, null),
                Action.PLAN_PLACEMENT, new PlanPlacementCommand(STORY, "p-new", LINKEDIN, freeSlot, "More", actor, null),
                Action.KILL_STORY, new KillStoryCommand(STORY, "no longer needed", actor, null),
                Action.COMMENT, new CommentOnStoryCommand(STORY, "c-1", "Looks good", Set.of(), actor, NOW, null));
    }

    private static void expect(FixtureConfiguration<Story> fixture, List<Object> history, Object command,
                               boolean offered, String what) {
        try {
            if (offered) {
                fixture.given(history).when(command).expectSuccessfulHandlerExecution();
            } else {
                fixture.given(history).when(command)
                        .expectException(anyOf(instanceOf(StoryRuleViolation.class), instanceOf(MissingRole.class)));
            }
        } catch (AssertionError e) {
            throw new AssertionError(what + (offered ? " is offered but the aggregate refused it"
                    : " is not offered but the aggregate did not refuse it with a rule or role") + ": " + e.getMessage(), e);
        }
    }
}
