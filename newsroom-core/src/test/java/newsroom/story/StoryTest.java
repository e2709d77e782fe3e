package newsroom.story;

import static newsroom.governance.ApprovalPolicy.COMMUNICATIONS;
import static newsroom.governance.ApprovalPolicy.LEGAL;
import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.channel.Channel;
import newsroom.channel.ChannelKind;
import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every story rule, as given events / when command / expect events or the named rule. */
class StoryTest {

    private static final String STORY = "story-1";
    private static final Instant PITCHED_AT = Instant.parse("2026-11-23T08:30:00Z");
    private static final Instant THURSDAY_14 = Instant.parse("2026-11-26T14:00:00Z");
    private static final Instant FRIDAY_09 = Instant.parse("2026-11-27T09:00:00Z");

    private static final Actor CONTRIBUTOR = Actor.of("carla", Role.CONTRIBUTOR);
    private static final Actor OTHER_CONTRIBUTOR = Actor.of("otto", Role.CONTRIBUTOR);
    private static final Actor EDITOR = Actor.of("erik", Role.EDITOR);
    private static final Actor SCHEDULER = Actor.scheduler();
    private static final Actor COMMS_LEAD = Actor.of("gina", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
    private static final Actor LEGAL_LEAD = Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups(LEGAL);
    /** A governance lead in both groups that sign steps of a press release. */
    private static final Actor COMMS_AND_LEGAL_LEAD = Actor.of("lex", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS, LEGAL);

    private static final Channel PRESS = new Channel("press-release", "Press release", ChannelKind.PRESS_RELEASE);
    private static final Channel LINKEDIN = new Channel("linkedin", "LinkedIn", ChannelKind.SOCIAL);

    private static final StoryContent CONTENT = new StoryContent("Apprentices build the robot cell",
            "Young talent on the shop floor", "Draft body", "hr", Audience.B2C, "employer-branding-2027",
            Priority.HIGH, null, null);

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerInjectableResource(ApprovalPolicy.standard());
        fixture.registerInjectableResource(RestraintsSource.none());
    }

    private static StoryPitchedEvent pitched() {
        return new StoryPitchedEvent(STORY, CONTENT, CONTRIBUTOR.username(), PITCHED_AT);
    }

    private static PitchAcceptedEvent accepted() {
        return new PitchAcceptedEvent(STORY, EDITOR.username(), CONTRIBUTOR.username());
    }

    private static PlacementPlannedEvent plannedPress(long contentVersion) {
        return new PlacementPlannedEvent(STORY, "p-press", PRESS.id(), PRESS.name(), PRESS.kind(),
                Set.of(COMMUNICATIONS, LEGAL), THURSDAY_14, "Press text", EDITOR.username(), contentVersion);
    }

    private static PlacementPlannedEvent plannedLinkedIn(long contentVersion) {
        return new PlacementPlannedEvent(STORY, "p-li", LINKEDIN.id(), LINKEDIN.name(), LINKEDIN.kind(),
                Set.of(COMMUNICATIONS), FRIDAY_09, "LinkedIn text", EDITOR.username(), contentVersion);
    }

    private static StoryRuleViolationMatcher rule(StoryRule rule) {
        return new StoryRuleViolationMatcher(rule);
    }

    @Nested
    class Roles {

        private final Actor admin = Actor.of("ada", Role.ADMIN);
        private final Actor viewer = Actor.of("victor", Role.VIEWER);

        @Test
        void aViewerCannotPitch() {
            fixture.givenNoPriorActivity()
                    .when(new PitchStoryCommand(STORY, CONTENT, viewer, PITCHED_AT))
                    .expectException(missingRole(Action.PITCH))
                    .expectNoEvents();
        }

        @Test
        void anAdminRunsOperationsAndDoesNotEditDrafts() {
            fixture.given(pitched(), accepted())
                    .when(new EditDraftCommand(STORY, CONTENT, admin, null))
                    .expectException(missingRole(Action.EDIT_DRAFT))
                    .expectNoEvents();
        }

        @Test
        void anAdminDoesNotSubmitOrApprove() {
            fixture.given(pitched(), accepted())
                    .when(new SubmitStoryCommand(STORY, admin, null))
                    .expectException(missingRole(Action.SUBMIT));
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)))
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, admin, null))
                    .expectException(missingRole(Action.APPROVE));
        }

        @Test
        void anEditorDoesNotApprove() {
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)))
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, Actor.of("ed", Role.EDITOR), null))
                    .expectException(missingRole(Action.APPROVE));
        }

        @Test
        void aGovernanceLeadDoesNotPublish() {
            Approval granted = new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 2);
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)),
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 2, Set.of()),
                            new StoryApprovedEvent(STORY, 2, List.of(granted)))
                    .when(new PublishPlacementCommand(STORY, "p-li", LEGAL_LEAD, FRIDAY_09, null))
                    .expectException(missingRole(Action.PUBLISH_PLACEMENT));
        }

        @Test
        void theRoleIsCheckedBeforeTheStoryState() {
            fixture.given(pitched(), new PitchDeclinedEvent(STORY, EDITOR.username(), "no"))
                    .when(new CommentOnStoryCommand(STORY, "c1", "hm", Set.of(), viewer, PITCHED_AT, null))
                    .expectException(missingRole(Action.COMMENT));
        }
    }

    @Nested
    class PitchingAndAccepting {

        @Test
        void aPitchBecomesAStory() {
            fixture.givenNoPriorActivity()
                    .when(new PitchStoryCommand(STORY, CONTENT, CONTRIBUTOR, PITCHED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(pitched());
        }

        @Test
        void aStoryCannotBeDerivedFromItself() {
            StoryContent selfDerived = new StoryContent("Clip", null, null, "hr", Audience.B2C, null, null, null, STORY);
            fixture.givenNoPriorActivity()
                    .when(new PitchStoryCommand(STORY, selfDerived, CONTRIBUTOR, PITCHED_AT))
                    .expectException(rule(StoryRule.NOT_ITS_OWN_SOURCE));
        }

        @Test
        void anEditorAcceptsAPitchAndAssignsIt() {
            fixture.given(pitched())
                    .when(new AcceptPitchCommand(STORY, CONTRIBUTOR.username(), EDITOR, null))
                    .expectEvents(accepted());
        }

        @Test
        void aPitchIsAcceptedOnlyOnce() {
            fixture.given(pitched(), accepted())
                    .when(new AcceptPitchCommand(STORY, null, EDITOR, null))
                    .expectException(rule(StoryRule.INVALID_TRANSITION));
        }

        @Test
        void aDeclinedStoryRefusesEveryChange() {
            fixture.given(pitched(), new PitchDeclinedEvent(STORY, EDITOR.username(), "off-strategy"))
                    .when(new EditDraftCommand(STORY, CONTENT, EDITOR, null))
                    .expectException(rule(StoryRule.STORY_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void aKilledStoryRefusesEveryChange() {
            fixture.given(pitched(), accepted(), new StoryKilledEvent(STORY, "crisis", EDITOR.username(), List.of()))
                    .when(new AssignStoryCommand(STORY, "otto", EDITOR, null))
                    .expectException(rule(StoryRule.STORY_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Editing {

        private final StoryContent edited = new StoryContent("Apprentices build the new robot cell",
                CONTENT.angle(), "Better body", "hr", Audience.B2C, CONTENT.campaign(), Priority.HIGH, null, null);

        @Test
        void theAuthorEditsHerOwnDraft() {
            fixture.given(pitched(), accepted())
                    .when(new EditDraftCommand(STORY, edited, CONTRIBUTOR, null))
                    .expectEvents(new DraftEditedEvent(STORY, edited, CONTRIBUTOR.username(), 2));
        }

        @Test
        void theAssignedContributorEditsTheDraftSomeoneElsePitched() {
            fixture.given(pitched(), new PitchAcceptedEvent(STORY, EDITOR.username(), OTHER_CONTRIBUTOR.username()))
                    .when(new EditDraftCommand(STORY, edited, OTHER_CONTRIBUTOR, null))
                    .expectEvents(new DraftEditedEvent(STORY, edited, OTHER_CONTRIBUTOR.username(), 2));
        }

        @Test
        void aContributorCannotSubmitSomeoneElsesStory() {
            fixture.given(pitched(), accepted())
                    .when(new SubmitStoryCommand(STORY, OTHER_CONTRIBUTOR, null))
                    .expectException(rule(StoryRule.OWN_DRAFTS_ONLY));
        }

        @Test
        void aContributorCannotEditSomeoneElsesDraft() {
            fixture.given(pitched(), accepted())
                    .when(new EditDraftCommand(STORY, edited, OTHER_CONTRIBUTOR, null))
                    .expectException(rule(StoryRule.OWN_DRAFTS_ONLY));
        }

        @Test
        void anUnchangedDraftRecordsNothing() {
            fixture.given(pitched(), accepted())
                    .when(new EditDraftCommand(STORY, CONTENT, EDITOR, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void approvalIsWithdrawnWhenTheBodyChanges() {
            Approval granted = new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 2);
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)),
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 2, Set.of()),
                            new StoryApprovedEvent(STORY, 2, List.of(granted)))
                    .when(new EditDraftCommand(STORY, edited, EDITOR, null))
                    .expectEvents(new DraftEditedEvent(STORY, edited, EDITOR.username(), 3),
                            new ApprovalWithdrawnEvent(STORY, "the draft was edited", 3, List.of(granted),
                                    EDITOR.username()));
        }

        @Test
        void afterAWithdrawnApprovalTheStoryMustBeApprovedAgainBeforePublishing() {
            Approval granted = new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 2);
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)),
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 2, Set.of()),
                            new StoryApprovedEvent(STORY, 2, List.of(granted)),
                            new DraftEditedEvent(STORY, edited, EDITOR.username(), 3),
                            new ApprovalWithdrawnEvent(STORY, "the draft was edited", 3, List.of(granted),
                                    EDITOR.username()))
                    .when(new PublishPlacementCommand(STORY, "p-li", EDITOR, FRIDAY_09, null))
                    .expectException(rule(StoryRule.REQUIRED_APPROVALS_MISSING));
        }

        @Test
        void anEmbargoCannotMoveBehindAPlannedSlot() {
            StoryContent embargoedLater = new StoryContent(CONTENT.title(), null, null, "hr", Audience.B2C, null,
                    Priority.NORMAL, FRIDAY_09.plusSeconds(3600), null);
            fixture.given(pitched(), accepted(), plannedLinkedIn(2))
                    .when(new EditDraftCommand(STORY, embargoedLater, EDITOR, null))
                    .expectException(rule(StoryRule.SLOT_BEFORE_EMBARGO));
        }
    }

    @Nested
    class Approving {

        private final StorySubmittedEvent submittedWithPressAndLinkedIn =
                new StorySubmittedEvent(STORY, EDITOR.username(), 3, Set.of(COMMUNICATIONS, LEGAL));

        @Test
        void submittingNamesTheStepsTheChannelsRequire() {
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3))
                    .when(new SubmitStoryCommand(STORY, EDITOR, null))
                    .expectEvents(submittedWithPressAndLinkedIn);
        }

        @Test
        void aStoryWithoutPlacementsNeedsTheDefaultStep() {
            fixture.given(pitched(), accepted())
                    .when(new SubmitStoryCommand(STORY, CONTRIBUTOR, null))
                    .expectEvents(new StorySubmittedEvent(STORY, CONTRIBUTOR.username(), 1, Set.of(COMMUNICATIONS)));
        }

        @Test
        void thePitcherCannotApprove() {
            Actor pitcherAsLead = Actor.of(CONTRIBUTOR.username(), Role.GOVERNANCE_LEAD);
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3), submittedWithPressAndLinkedIn)
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, pitcherAsLead, null))
                    .expectException(rule(StoryRule.FOUR_EYES))
                    .expectNoEvents();
        }

        @Test
        void theLastEditorCannotApprove() {
            Actor editorAsLead = Actor.of(EDITOR.username(), Role.GOVERNANCE_LEAD);
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3), submittedWithPressAndLinkedIn)
                    .when(new ApproveStoryCommand(STORY, LEGAL, editorAsLead, null))
                    .expectException(rule(StoryRule.FOUR_EYES));
        }

        @Test
        void aLeadWhoWroteAPlacementsTextCannotApproveTheStoryEvenAfterSomeoneElseEditedIt() {
            Actor editorAndLead = Actor.of("nora", Role.EDITOR, Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
            PlacementPlannedEvent norasLinkedIn = new PlacementPlannedEvent(STORY, "p-li", LINKEDIN.id(), LINKEDIN.name(),
                    LINKEDIN.kind(), Set.of(COMMUNICATIONS), FRIDAY_09, "Nora's LinkedIn text", "nora", 3);
            DraftEditedEvent carlaFixesATypo = new DraftEditedEvent(STORY, CONTENT, CONTRIBUTOR.username(), 4);
            StorySubmittedEvent submitted = new StorySubmittedEvent(STORY, CONTRIBUTOR.username(), 4,
                    Set.of(COMMUNICATIONS, LEGAL));
            fixture.given(pitched(), accepted(), plannedPress(2), norasLinkedIn, carlaFixesATypo, submitted)
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, editorAndLead, null))
                    .expectException(rule(StoryRule.FOUR_EYES))
                    .expectNoEvents();
            // once her placement is cancelled, nothing of the story is hers any more
            fixture.given(pitched(), accepted(), plannedPress(2), norasLinkedIn,
                            new PlacementCancelledEvent(STORY, "p-li", "not this week", EDITOR.username()),
                            carlaFixesATypo, submitted)
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, editorAndLead, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aPressReleaseNeedsTwoApprovals() {
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3), submittedWithPressAndLinkedIn)
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, COMMS_LEAD, null))
                    .expectEvents(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 3, Set.of(LEGAL)));
        }

        @Test
        void theSecondStepByAnotherLeadApprovesTheStory() {
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3), submittedWithPressAndLinkedIn,
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 3, Set.of(LEGAL)))
                    .when(new ApproveStoryCommand(STORY, null, LEGAL_LEAD, null))
                    .expectEvents(
                            new ApprovalGrantedEvent(STORY, LEGAL, LEGAL_LEAD.username(), 3, Set.of()),
                            new StoryApprovedEvent(STORY, 3, List.of(
                                    new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 3),
                                    new Approval(LEGAL, LEGAL_LEAD.username(), 3))));
        }

        @Test
        void oneLeadCannotGrantBothStepsOfAPressReleaseEvenIfSheIsInBothGroups() {
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3), submittedWithPressAndLinkedIn,
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_AND_LEGAL_LEAD.username(), 3, Set.of(LEGAL)))
                    .when(new ApproveStoryCommand(STORY, LEGAL, COMMS_AND_LEGAL_LEAD, null))
                    .expectException(rule(StoryRule.DISTINCT_APPROVERS));
        }

        @Test
        void aGrantedStepIsNotGrantedTwice() {
            Actor anotherCommsLead = Actor.of("gus", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
            fixture.given(pitched(), accepted(), plannedPress(2), submittedWithPressAndLinkedIn,
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 3, Set.of(LEGAL)))
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, anotherCommsLead, null))
                    .expectException(rule(StoryRule.APPROVAL_STEP_ALREADY_GRANTED));
        }

        @Test
        void aLeadOutsideTheStepsGroupCannotSignIt() {
            fixture.given(pitched(), accepted(), plannedPress(2), plannedLinkedIn(3), submittedWithPressAndLinkedIn)
                    .when(new ApproveStoryCommand(STORY, LEGAL, COMMS_LEAD, null))
                    .expectException(rule(StoryRule.APPROVER_NOT_IN_STEP_GROUP))
                    .expectNoEvents();
        }

        @Test
        void aLeadWithoutAnyGroupSignsNothing() {
            Actor noGroup = Actor.of("nobody", Role.GOVERNANCE_LEAD);
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)))
                    .when(new ApproveStoryCommand(STORY, null, noGroup, null))
                    .expectException(rule(StoryRule.APPROVER_NOT_IN_STEP_GROUP));
        }

        @Test
        void aStepThePolicyNamesNoGroupForCannotBeSigned() {
            // a step recorded under an earlier policy that the policy in force no longer knows
            fixture.given(pitched(), accepted(), new StorySubmittedEvent(STORY, EDITOR.username(), 1, Set.of("brand")))
                    .when(new ApproveStoryCommand(STORY, "brand", COMMS_AND_LEGAL_LEAD.inGroups("brand"), null))
                    .expectException(rule(StoryRule.APPROVER_NOT_IN_STEP_GROUP));
        }

        @Test
        void theGroupThePolicyNamesSignsTheStepWhateverItsName() {
            ApprovalPolicy policy = new ApprovalPolicy(Map.of(), Set.of(COMMUNICATIONS),
                    Map.of(COMMUNICATIONS, "corporate-affairs"));
            FixtureConfiguration<Story> withPolicy = new AggregateTestFixture<>(Story.class);
            withPolicy.registerInjectableResource(policy);
            Actor affairs = Actor.of("ava", Role.GOVERNANCE_LEAD).inGroups("corporate-affairs");
            StorySubmittedEvent submitted = new StorySubmittedEvent(STORY, EDITOR.username(), 1, Set.of(COMMUNICATIONS));

            withPolicy.given(pitched(), accepted(), submitted)
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, COMMS_LEAD, null))
                    .expectException(rule(StoryRule.APPROVER_NOT_IN_STEP_GROUP));
            withPolicy.given(pitched(), accepted(), submitted)
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, affairs, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aStepTheChannelsDoNotNeedIsRefused() {
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)))
                    .when(new ApproveStoryCommand(STORY, LEGAL, LEGAL_LEAD, null))
                    .expectException(rule(StoryRule.APPROVAL_STEP_NOT_REQUIRED));
        }

        @Test
        void withTwoPendingStepsTheApproverMustNameOne() {
            fixture.given(pitched(), accepted(), plannedPress(2), submittedWithPressAndLinkedIn)
                    .when(new ApproveStoryCommand(STORY, null, LEGAL_LEAD, null))
                    .expectException(rule(StoryRule.APPROVAL_STEP_MUST_BE_NAMED));
        }

        @Test
        void onlyAStoryInReviewCanBeApproved() {
            fixture.given(pitched(), accepted())
                    .when(new ApproveStoryCommand(STORY, COMMUNICATIONS, COMMS_LEAD, null))
                    .expectException(rule(StoryRule.INVALID_TRANSITION));
        }

        @Test
        void requestedChangesSendTheStoryBackToWork() {
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)))
                    .when(new RequestChangesCommand(STORY, "Tone down the headline", LEGAL_LEAD, null))
                    .expectEvents(new ChangesRequestedEvent(STORY, LEGAL_LEAD.username(), "Tone down the headline", 2));
        }

        @Test
        void planningAPlacementDuringReviewWithdrawsItBecauseItsTextWasNotReviewed() {
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS)),
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 2, Set.of()),
                            new StoryApprovedEvent(STORY, 2, List.of(new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 2))))
                    .when(new PlanPlacementCommand(STORY, "p-press", PRESS, THURSDAY_14, "Press text", EDITOR, null))
                    .expectEvents(plannedPress(3), new ApprovalWithdrawnEvent(STORY,
                            "placement p-press on Press release was planned", 3,
                            List.of(new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 2)), EDITOR.username()));
        }
    }

    @Nested
    class Placing {

        private final StoryContent embargoedUntilThursday = new StoryContent(CONTENT.title(), null, null, "hr",
                Audience.B2C, null, Priority.NORMAL, THURSDAY_14, null);

        @Test
        void aPlacementTakesTheStepsOfItsChannelKind() {
            fixture.given(pitched(), accepted())
                    .when(new PlanPlacementCommand(STORY, "p-press", PRESS, THURSDAY_14, "Press text", EDITOR, null))
                    .expectEvents(plannedPress(2));
        }

        @Test
        void nothingIsPlacedBeforeTheEmbargo() {
            fixture.given(pitched(), accepted(),
                            new DraftEditedEvent(STORY, embargoedUntilThursday, EDITOR.username(), 2))
                    .when(new PlanPlacementCommand(STORY, "p-li", LINKEDIN, THURSDAY_14.minusSeconds(60), "x", EDITOR, null))
                    .expectException(rule(StoryRule.SLOT_BEFORE_EMBARGO));
        }

        @Test
        void nothingIsRescheduledBeforeTheEmbargo() {
            fixture.given(pitched(), accepted(),
                            new DraftEditedEvent(STORY, embargoedUntilThursday, EDITOR.username(), 2), plannedLinkedIn(3))
                    .when(new ReschedulePlacementCommand(STORY, "p-li", THURSDAY_14.minusSeconds(1), EDITOR, null))
                    .expectException(rule(StoryRule.SLOT_BEFORE_EMBARGO));
        }

        @Test
        void aSlotThatHasPassedIsNeitherPlannedNorMovedTo() {
            Instant now = THURSDAY_14.plusSeconds(60);
            fixture.given(pitched(), accepted())
                    .when(new PlanPlacementCommand(STORY, "p-press", PRESS, THURSDAY_14, "Press text", EDITOR, now, null))
                    .expectException(rule(StoryRule.SLOT_IN_THE_PAST))
                    .expectNoEvents();
            fixture.given(pitched(), accepted())
                    .when(new PlanPlacementCommand(STORY, "p-press", PRESS, THURSDAY_14, "Press text", EDITOR,
                            THURSDAY_14, null))
                    .expectException(rule(StoryRule.SLOT_IN_THE_PAST));
            // a paused placement moved to a passed slot would go out late after all
            fixture.given(pitched(), accepted(), plannedLinkedIn(2))
                    .when(new ReschedulePlacementCommand(STORY, "p-li", THURSDAY_14, EDITOR, now, null))
                    .expectException(rule(StoryRule.SLOT_IN_THE_PAST))
                    .expectNoEvents();
            fixture.given(pitched(), accepted())
                    .when(new PlanPlacementCommand(STORY, "p-press", PRESS, THURSDAY_14, "Press text", EDITOR,
                            THURSDAY_14.minusSeconds(1), null))
                    .expectEvents(plannedPress(2));
        }

        @Test
        void aPitchCannotBePlacedYet() {
            fixture.given(pitched())
                    .when(new PlanPlacementCommand(STORY, "p-li", LINKEDIN, FRIDAY_09, "x", EDITOR, null))
                    .expectException(rule(StoryRule.INVALID_TRANSITION));
        }

        @Test
        void aPlacementIdIsUsedOnce() {
            fixture.given(pitched(), accepted(), plannedLinkedIn(2))
                    .when(new PlanPlacementCommand(STORY, "p-li", LINKEDIN, FRIDAY_09, "again", EDITOR, null))
                    .expectException(rule(StoryRule.PLACEMENT_ALREADY_EXISTS));
        }

        @Test
        void aPlacementMovesToAnotherSlot() {
            Instant friday11 = FRIDAY_09.plusSeconds(7200);
            fixture.given(pitched(), accepted(), plannedLinkedIn(2))
                    .when(new ReschedulePlacementCommand(STORY, "p-li", friday11, EDITOR, null))
                    .expectEvents(new PlacementRescheduledEvent(STORY, "p-li", FRIDAY_09, friday11, EDITOR.username()));
        }

        @Test
        void anUnknownPlacementIsReported() {
            fixture.given(pitched(), accepted())
                    .when(new CancelPlacementCommand(STORY, "nope", "n/a", EDITOR, null))
                    .expectException(PlacementNotFound.class);
        }

        @Test
        void aCancelledPlacementCannotBePublished() {
            fixture.given(pitched(), accepted(), plannedLinkedIn(2),
                            new PlacementCancelledEvent(STORY, "p-li", "moved to X", EDITOR.username()))
                    .when(new PublishPlacementCommand(STORY, "p-li", EDITOR, FRIDAY_09, null))
                    .expectException(rule(StoryRule.PLACEMENT_CANCELLED));
        }
    }

    @Nested
    class Publishing {

        private final Approval comms = new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 3);
        private final Approval legal = new Approval(LEGAL, LEGAL_LEAD.username(), 3);

        private Object[] approvedWithPressAndLinkedIn() {
            return new Object[] {pitched(), accepted(), plannedPress(2), plannedLinkedIn(3),
                    new StorySubmittedEvent(STORY, EDITOR.username(), 3, Set.of(COMMUNICATIONS, LEGAL)),
                    new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 3, Set.of(LEGAL)),
                    new ApprovalGrantedEvent(STORY, LEGAL, LEGAL_LEAD.username(), 3, Set.of()),
                    new StoryApprovedEvent(STORY, 3, List.of(comms, legal))};
        }

        @Test
        void anApprovedPlacementIsPublishedWithItsApprovals() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .when(new PublishPlacementCommand(STORY, "p-press", EDITOR, THURSDAY_14, null))
                    .expectEvents(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                            THURSDAY_14, 3, List.of(comms, legal)));
        }

        @Test
        void aPlacementIsPublishedAtMostOnce() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                            THURSDAY_14, 3, List.of(comms, legal)))
                    .when(new PublishPlacementCommand(STORY, "p-press", EDITOR, THURSDAY_14, null))
                    .expectException(rule(StoryRule.PLACEMENT_ALREADY_PUBLISHED))
                    .expectNoEvents();
        }

        @Test
        void aPressReleaseWithOneOfTwoApprovalsIsNotPublished() {
            fixture.given(pitched(), accepted(), plannedPress(2),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 2, Set.of(COMMUNICATIONS, LEGAL)),
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 2, Set.of(LEGAL)))
                    .when(new PublishPlacementCommand(STORY, "p-press", EDITOR, THURSDAY_14, null))
                    .expectException(rule(StoryRule.REQUIRED_APPROVALS_MISSING));
        }

        @Test
        void nothingIsPublishedBeforeTheEmbargo() {
            StoryContent embargoed = new StoryContent(CONTENT.title(), null, null, "hr", Audience.B2C, null,
                    Priority.NORMAL, THURSDAY_14, null);
            fixture.given(pitched(), accepted(), new DraftEditedEvent(STORY, embargoed, EDITOR.username(), 2),
                            plannedLinkedIn(3),
                            new StorySubmittedEvent(STORY, EDITOR.username(), 3, Set.of(COMMUNICATIONS)),
                            new ApprovalGrantedEvent(STORY, COMMUNICATIONS, COMMS_LEAD.username(), 3, Set.of()),
                            new StoryApprovedEvent(STORY, 3, List.of(new Approval(COMMUNICATIONS, COMMS_LEAD.username(), 3))))
                    .when(new PublishPlacementCommand(STORY, "p-li", EDITOR, THURSDAY_14.minusSeconds(1), null))
                    .expectException(rule(StoryRule.EMBARGO_NOT_LIFTED));
        }

        @Test
        void aPlacementPublishedAfterItsMissedSlotSaysSo() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .when(new PublishPlacementCommand(STORY, "p-press", SCHEDULER, FRIDAY_09, null, THURSDAY_14))
                    .expectEvents(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), SCHEDULER.username(),
                            FRIDAY_09, 3, List.of(comms, legal), THURSDAY_14));
        }

        @Test
        void aDuePlacementIsHeldForAnEditorOnceForTheSameReason() {
            HoldPlacementCommand hold = new HoldPlacementCommand(STORY, "p-press", "MissedSlotHeld",
                    "the slot passed while Newsroom was down", SCHEDULER.username(), FRIDAY_09);
            PlacementPublicationHeldEvent held = new PlacementPublicationHeldEvent(STORY, "p-press", PRESS.id(),
                    THURSDAY_14, "MissedSlotHeld", "the slot passed while Newsroom was down", SCHEDULER.username(),
                    FRIDAY_09);
            fixture.given(approvedWithPressAndLinkedIn()).when(hold).expectEvents(held);
            fixture.given(approvedWithPressAndLinkedIn()).andGiven(held).when(hold).expectNoEvents();
        }

        @Test
        void aRescheduledPlacementIsNoLongerHeld() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublicationHeldEvent(STORY, "p-li", LINKEDIN.id(), FRIDAY_09,
                                    "MissedSlotHeld", "missed", SCHEDULER.username(), FRIDAY_09),
                            new PlacementRescheduledEvent(STORY, "p-li", FRIDAY_09, FRIDAY_09.plusSeconds(3600),
                                    EDITOR.username()))
                    .when(new HoldPlacementCommand(STORY, "p-li", "MissedSlotHeld", "missed", SCHEDULER.username(),
                            FRIDAY_09.plusSeconds(7200)))
                    .expectEvents(new PlacementPublicationHeldEvent(STORY, "p-li", LINKEDIN.id(),
                            FRIDAY_09.plusSeconds(3600), "MissedSlotHeld", "missed", SCHEDULER.username(),
                            FRIDAY_09.plusSeconds(7200)));
        }

        @Test
        void aPublishedPlacementCannotBeHeld() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                            THURSDAY_14, 3, List.of(comms, legal)))
                    .when(new HoldPlacementCommand(STORY, "p-press", "MissedSlotHeld", "late", SCHEDULER.username(),
                            FRIDAY_09))
                    .expectException(rule(StoryRule.PLACEMENT_ALREADY_PUBLISHED));
        }

        @Test
        void aDeliveryRecordsOnlyItsChanges() {
            PlacementPublishedEvent published = new PlacementPublishedEvent(STORY, "p-press", PRESS.id(),
                    EDITOR.username(), THURSDAY_14, 3, List.of(comms, legal));
            Instant next = THURSDAY_14.plusSeconds(4);
            fixture.given(approvedWithPressAndLinkedIn()).andGiven(published)
                    .when(new RecordPlacementDeliveryCommand(STORY, "p-press", "d-1", DeliveryStatus.RETRYING, 1,
                            "HTTP 503", THURSDAY_14, next))
                    .expectEvents(new PlacementDeliveryRetryingEvent(STORY, "p-press", "d-1", 1, "HTTP 503",
                            THURSDAY_14, next));
            fixture.given(approvedWithPressAndLinkedIn()).andGiven(published,
                            new PlacementDeliveryRetryingEvent(STORY, "p-press", "d-1", 1, "HTTP 503", THURSDAY_14, next))
                    .when(new RecordPlacementDeliveryCommand(STORY, "p-press", "d-1", DeliveryStatus.RETRYING, 2,
                            "HTTP 503", next, next.plusSeconds(8)))
                    .expectNoEvents();
        }

        @Test
        void anUnpublishedPlacementHasNothingToDeliver() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .when(new RecordPlacementDeliveryCommand(STORY, "p-press", "d-1", DeliveryStatus.DELIVERED, 1,
                            null, THURSDAY_14, null))
                    .expectException(rule(StoryRule.PLACEMENT_NOT_PUBLISHED));
        }

        @Test
        void anEditorRedeliversAFailedDelivery() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                                    THURSDAY_14, 3, List.of(comms, legal)),
                            new PlacementDeliveryFailedEvent(STORY, "p-press", PRESS.id(), "d-1", 8, "HTTP 503",
                                    FRIDAY_09))
                    .when(new RedeliverPlacementCommand(STORY, "p-press", EDITOR, FRIDAY_09, null))
                    .expectEvents(new PlacementRedeliveryRequestedEvent(STORY, "p-press", EDITOR.username(), FRIDAY_09));
        }

        @Test
        void aDeliveredPlacementIsNotRedelivered() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                                    THURSDAY_14, 3, List.of(comms, legal)),
                            new PlacementDeliveredEvent(STORY, "p-press", "d-1", 1, THURSDAY_14))
                    .when(new RedeliverPlacementCommand(STORY, "p-press", EDITOR, FRIDAY_09, null))
                    .expectException(rule(StoryRule.DELIVERY_NOT_FAILED));
        }

        @Test
        void aGovernanceLeadDoesNotRedeliver() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                                    THURSDAY_14, 3, List.of(comms, legal)),
                            new PlacementDeliveryFailedEvent(STORY, "p-press", PRESS.id(), "d-1", 8, "HTTP 503",
                                    FRIDAY_09))
                    .when(new RedeliverPlacementCommand(STORY, "p-press", COMMS_LEAD, FRIDAY_09, null))
                    .expectException(MissingRole.class);
        }

        @Test
        void killingWithdrawsTheUnpublishedPlacements() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                            THURSDAY_14, 3, List.of(comms, legal)))
                    .when(new KillStoryCommand(STORY, "plant incident", EDITOR, null))
                    .expectEvents(new StoryKilledEvent(STORY, "plant incident", EDITOR.username(), List.of("p-li")));
        }

        @Test
        void aFullyPublishedStoryCannotBeKilled() {
            fixture.given(approvedWithPressAndLinkedIn())
                    .andGiven(new PlacementPublishedEvent(STORY, "p-press", PRESS.id(), EDITOR.username(),
                                    THURSDAY_14, 3, List.of(comms, legal)),
                            new PlacementPublishedEvent(STORY, "p-li", LINKEDIN.id(), EDITOR.username(),
                                    FRIDAY_09, 3, List.of(comms)))
                    .when(new KillStoryCommand(STORY, "too late", EDITOR, null))
                    .expectException(rule(StoryRule.STORY_FULLY_PUBLISHED));
        }
    }

    @Nested
    class Commenting {

        private final Instant at = Instant.parse("2026-11-23T10:00:00Z");

        @Test
        void aCommentWithMentionsIsRecordedAndIsNotAContentChange() {
            fixture.given(pitched(), accepted())
                    .when(new CommentOnStoryCommand(STORY, "c1", "@lena please check the legal part", Set.of("lena"),
                            EDITOR, at, null))
                    .expectEvents(new StoryCommentedEvent(STORY, "c1", "@lena please check the legal part",
                            Set.of("lena"), EDITOR.username(), at));
        }

        @Test
        void aKilledStoryRefusesComments() {
            fixture.given(pitched(), new StoryKilledEvent(STORY, "crisis", EDITOR.username(), List.of()))
                    .when(new CommentOnStoryCommand(STORY, "c1", "too late", Set.of(), EDITOR, at, null))
                    .expectException(rule(StoryRule.STORY_CLOSED))
                    .expectNoEvents();
        }
    }
}
