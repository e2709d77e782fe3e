package newsroom.story;

import static newsroom.governance.ApprovalPolicy.COMMUNICATIONS;
import static newsroom.governance.ApprovalPolicy.LEGAL;
import static newsroom.story.StoryHistories.ADA;
import static newsroom.story.StoryHistories.BRUNO;
import static newsroom.story.StoryHistories.CARLA;
import static newsroom.story.StoryHistories.CARLA_AS_LEAD;
import static newsroom.story.StoryHistories.ERIK;
import static newsroom.story.StoryHistories.GINA;
import static newsroom.story.StoryHistories.LENA;
import static newsroom.story.StoryHistories.LEX;
import static newsroom.story.StoryHistories.NOW;
import static newsroom.story.StoryHistories.OTTO;
import static newsroom.story.StoryHistories.THURSDAY_14;
import static newsroom.story.StoryHistories.VICTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.junit.jupiter.api.Test;

/** What the decision function offers, by example; its agreement with the aggregate is proven elsewhere. */
class StoryActionsTest {

    private static AllowedActions allowed(String history, Actor actor, Instant now) {
        return StoryActions.allowedFor(StoryHistories.stateAfter(StoryHistories.all().get(history)), actor,
                Circumstances.at(now, ApprovalPolicy.standard()));
    }

    private static AllowedActions allowed(String history, Actor actor) {
        return allowed(history, actor, NOW);
    }

    @Test
    void theAssignedContributorEditsAndSubmitsButNeverApprovesOrPlaces() {
        AllowedActions otto = allowed("two placements planned", OTTO);

        assertThat(otto.story()).containsExactlyInAnyOrder(Action.EDIT_DRAFT, Action.SUBMIT, Action.COMMENT);
        assertThat(otto.placement("p-press")).isEmpty();
        assertThat(otto.approvableSteps()).isEmpty();
    }

    @Test
    void anEditorShapesAndPlacesButDoesNotApprove() {
        AllowedActions erik = allowed("in review, nothing approved", ERIK);

        assertThat(erik.story()).containsExactlyInAnyOrder(Action.EDIT_DRAFT, Action.ASSIGN, Action.PLAN_PLACEMENT,
                Action.KILL_STORY, Action.COMMENT);
        assertThat(erik.placement("p-li")).containsExactlyInAnyOrder(Action.RESCHEDULE_PLACEMENT, Action.CANCEL_PLACEMENT);
    }

    @Test
    void aLeadMaySignOnlyTheStepsOfHerGroups() {
        assertThat(allowed("in review, nothing approved", GINA).approvableSteps()).containsExactly(COMMUNICATIONS);
        assertThat(allowed("in review, nothing approved", LENA).approvableSteps()).containsExactly(LEGAL);
        assertThat(allowed("in review, nothing approved", LEX).approvableSteps()).containsExactly(COMMUNICATIONS, LEGAL);
    }

    @Test
    void aLeadOfAGroupThatSignsNoStepIsOfferedNoApprovalButMayStillSendTheStoryBack() {
        AllowedActions bruno = allowed("in review, nothing approved", BRUNO);

        assertThat(bruno.approvableSteps()).isEmpty();
        assertThat(bruno.story()).doesNotContain(Action.APPROVE).contains(Action.REQUEST_CHANGES);
    }

    @Test
    void aLeadMaySignOnlyStepsNobodySignedAndNotASecondStepOfTheSameVersion() {
        assertThat(allowed("in review, communications approved by gina", GINA).approvableSteps()).isEmpty();
        assertThat(allowed("in review, communications approved by gina", GINA).story()).doesNotContain(Action.APPROVE);
        assertThat(allowed("in review, communications approved by gina", LEX).approvableSteps()).containsExactly(LEGAL);
        assertThat(allowed("in review, communications approved by gina", LENA).approvableSteps()).containsExactly(LEGAL);
    }

    @Test
    void anAuditorReadsAndDoesNothingElse() {
        AllowedActions olga = allowed("in review, nothing approved", StoryHistories.OLGA);

        assertThat(olga.story()).isEmpty();
        assertThat(olga.approvableSteps()).isEmpty();
        assertThat(olga.placement("p-press")).isEmpty();
    }

    @Test
    void nobodyMaySignTheirOwnWork() {
        assertThat(allowed("in review, nothing approved", CARLA_AS_LEAD).approvableSteps()).isEmpty();
        assertThat(allowed("in review, nothing approved", CARLA_AS_LEAD).story())
                .contains(Action.REQUEST_CHANGES).doesNotContain(Action.APPROVE);
        assertThat(allowed("in review, nora last edited it", StoryHistories.NORA).approvableSteps()).isEmpty();
    }

    @Test
    void publishingIsOfferedOnlyOnceTheEmbargoHasPassed() {
        String embargoed = "approved but embargoed until Thursday";

        assertThat(allowed(embargoed, ERIK, NOW).placement("p-li")).doesNotContain(Action.PUBLISH_PLACEMENT);
        assertThat(allowed(embargoed, ERIK, THURSDAY_14).placement("p-li")).contains(Action.PUBLISH_PLACEMENT);
    }

    @Test
    void aPlacementIsPublishedWhenItsOwnStepsAreSignedEvenIfTheStoryStillWaitsForOthers() {
        String halfApproved = "in review, communications approved by gina";

        assertThat(allowed(halfApproved, ERIK).placement("p-li")).contains(Action.PUBLISH_PLACEMENT);
        assertThat(allowed(halfApproved, ERIK).placement("p-press")).doesNotContain(Action.PUBLISH_PLACEMENT);
    }

    @Test
    void anAdminAndAViewerAreOfferedNothingOnAStory() {
        for (Actor onlooker : new Actor[] {ADA, VICTOR}) {
            AllowedActions allowed = allowed("approved", onlooker);
            assertThat(allowed.story()).isEmpty();
            assertThat(allowed.placements().values()).allMatch(actions -> actions.isEmpty());
            assertThat(allowed.approvableSteps()).isEmpty();
        }
    }

    @Test
    void aClosedStoryOffersNothingToAnyone() {
        for (Actor person : StoryHistories.PEOPLE) {
            assertThat(allowed("killed", person).story()).isEmpty();
            assertThat(allowed("a declined pitch", person).story()).isEmpty();
        }
    }

    @Test
    void aFullyPublishedStoryCanNoLongerBeKilled() {
        assertThat(allowed("approved, the press release published", ERIK).story()).contains(Action.KILL_STORY);
        assertThat(allowed("every placement published", ERIK).story()).doesNotContain(Action.KILL_STORY);
    }
}
