package newsroom.story;

import static newsroom.governance.ApprovalPolicy.COMMUNICATIONS;
import static newsroom.governance.ApprovalPolicy.LEGAL;
import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.channel.Channel;
import newsroom.channel.ChannelKind;
import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;
import newsroom.governance.PoliciesInForce;
import newsroom.governance.PolicyStep;
import newsroom.governance.PolicyTerms;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story under versioned approval policies: the versions in force at submission are recorded, steps need as
 * many distinct signatures as the policy asks, the approver confirms the checklist, a delegate signs on a lead's
 * behalf, and a retired channel takes no new placement.
 */
class StoryUnderVersionedPoliciesTest {

    private static final String STORY = "story-1";
    private static final Instant PITCHED_AT = Instant.parse("2026-11-23T08:30:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant THURSDAY_14 = Instant.parse("2026-11-26T14:00:00Z");

    private static final Actor CONTRIBUTOR = Actor.of("carla", Role.CONTRIBUTOR);
    private static final Actor EDITOR = Actor.of("erik", Role.EDITOR);
    private static final Actor GINA = Actor.of("gina", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
    private static final Actor NORA = Actor.of("nora", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
    private static final Actor LENA = Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups(LEGAL);
    /** In the legal group, but not a governance lead: signs only under a lead's delegation. */
    private static final Actor LUKAS = Actor.of("lukas", Role.CONTRIBUTOR).inGroups(LEGAL);

    private static final List<String> GUIDELINES = List.of("No forward-looking financial statements",
            "Image rights cleared");
    private static final PolicyTerms PRESS_V3 = new PolicyTerms("press-release", 3, "Press release",
            List.of(new PolicyStep(COMMUNICATIONS, 2), new PolicyStep(LEGAL, 1)), GUIDELINES);
    private static final PolicyTerms DEFAULT_V1 = new PolicyTerms("default", 1, "Default",
            List.of(new PolicyStep(COMMUNICATIONS, 1)), List.of());
    private static final PoliciesInForce IN_FORCE = new PoliciesInForce(DEFAULT_V1, Map.of("press-release", PRESS_V3));

    private static final StoryContent CONTENT = new StoryContent("Quarterly outlook", null, "Body", "ir", Audience.B2B,
            null, Priority.HIGH, null, null);

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerInjectableResource(ApprovalPolicy.standard());
        fixture.registerInjectableResource(RestraintsSource.none());
    }

    private static List<Object> inProgressWithPress() {
        return List.of(new StoryPitchedEvent(STORY, CONTENT, CONTRIBUTOR.username(), PITCHED_AT),
                new PitchAcceptedEvent(STORY, EDITOR.username(), CONTRIBUTOR.username()),
                new PlacementPlannedEvent(STORY, "p-press", "press-release", "Press release", ChannelKind.PRESS_RELEASE,
                        Set.of(COMMUNICATIONS, LEGAL), THURSDAY_14, "Press text", EDITOR.username(), 2),
                new PlacementPlannedEvent(STORY, "p-li", "linkedin", "LinkedIn", ChannelKind.SOCIAL,
                        Set.of(COMMUNICATIONS), THURSDAY_14, "LinkedIn text", EDITOR.username(), 3));
    }

    private static final List<AppliedPolicy> APPLIED = List.of(AppliedPolicy.of(PRESS_V3, List.of("p-press")),
            AppliedPolicy.of(DEFAULT_V1, List.of("p-li")));

    private static List<Object> inReview() {
        List<Object> events = new java.util.ArrayList<>(inProgressWithPress());
        events.add(new StorySubmittedEvent(STORY, EDITOR.username(), 3, Set.of(COMMUNICATIONS, LEGAL)));
        events.add(new ApprovalPoliciesAppliedEvent(STORY, 3, APPLIED));
        return events;
    }

    /** The leads whose delegations the tests use, as their accounts stand now. */
    private static final Map<String, Actor> LEADS = Map.of("lena", LENA, "gina", GINA, "nora", NORA,
            "carla", Actor.of("carla", Role.GOVERNANCE_LEAD).inGroups(LEGAL));
    /** In the communications group, not a lead: signs only under a lead's delegation. */
    private static final Actor CORA = Actor.of("cora", Role.CONTRIBUTOR).inGroups(COMMUNICATIONS);

    private static ApproveStoryCommand approve(Actor who, String step, Set<String> confirmed, Delegation... held) {
        return approve(who, step, confirmed, LEADS, held);
    }

    private static ApproveStoryCommand approve(Actor who, String step, Set<String> confirmed,
                                               Map<String, Actor> delegators, Delegation... held) {
        return new ApproveStoryCommand(STORY, step, who, confirmed, List.of(held), delegators, NOW, null);
    }

    private static Delegation delegation(String id, Actor lead, Actor delegate, String group) {
        return new Delegation(id, lead.username(), delegate.username(), group, NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(1)));
    }

    private static StoryRuleViolationMatcher rule(StoryRule rule) {
        return new StoryRuleViolationMatcher(rule);
    }

    @Test
    void submittingRecordsThePolicyVersionOfEachPlacementsChannel() {
        fixture.given(inProgressWithPress())
                .when(new SubmitStoryCommand(STORY, EDITOR, IN_FORCE, null))
                .expectEvents(new StorySubmittedEvent(STORY, EDITOR.username(), 3, Set.of(COMMUNICATIONS, LEGAL)),
                        new ApprovalPoliciesAppliedEvent(STORY, 3, APPLIED));
    }

    @Test
    void aStoryWithoutPlacementsIsSubmittedUnderTheDefaultPolicy() {
        fixture.given(new StoryPitchedEvent(STORY, CONTENT, CONTRIBUTOR.username(), PITCHED_AT),
                        new PitchAcceptedEvent(STORY, EDITOR.username(), CONTRIBUTOR.username()))
                .when(new SubmitStoryCommand(STORY, EDITOR, IN_FORCE, null))
                .expectEvents(new StorySubmittedEvent(STORY, EDITOR.username(), 1, Set.of(COMMUNICATIONS)),
                        new ApprovalPoliciesAppliedEvent(STORY, 1, List.of(AppliedPolicy.of(DEFAULT_V1, List.of()))));
    }

    @Test
    void approvingWithoutConfirmingEveryChecklistItemIsRefused() {
        fixture.given(inReview())
                .when(approve(LENA, LEGAL, Set.of(GUIDELINES.get(0))))
                .expectException(rule(StoryRule.CHECKLIST_NOT_CONFIRMED))
                .expectNoEvents();
    }

    @Test
    void anApprovalRecordsThePolicyVersionsAndTheConfirmedChecklist() {
        fixture.given(inReview())
                .when(approve(LENA, LEGAL, Set.copyOf(GUIDELINES)))
                .expectEvents(new ApprovalGrantedEvent(STORY, LEGAL, "lena", 3, Set.of(COMMUNICATIONS)),
                        new ApprovalAttestedEvent(STORY, LEGAL, "lena", null, null, 3,
                                List.of(new PolicyVersion("press-release", 3), new PolicyVersion("default", 1)),
                                GUIDELINES));
    }

    @Test
    void aStepStaysPendingUntilItHasAsManyDistinctSignaturesAsThePolicyAsks() {
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ApprovalGrantedEvent(STORY, LEGAL, "lena", 3, Set.of(COMMUNICATIONS)));
        fixture.given(given)
                .when(approve(GINA, COMMUNICATIONS, Set.copyOf(GUIDELINES)))
                .expectEvents(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "gina", 3, Set.of(COMMUNICATIONS)),
                        new ApprovalAttestedEvent(STORY, COMMUNICATIONS, "gina", null, null, 3,
                                List.of(new PolicyVersion("press-release", 3), new PolicyVersion("default", 1)),
                                GUIDELINES));
    }

    @Test
    void theSecondDistinctSignatureCompletesTheStepAndTheStory() {
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ApprovalGrantedEvent(STORY, LEGAL, "lena", 3, Set.of(COMMUNICATIONS)));
        given.add(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "gina", 3, Set.of(COMMUNICATIONS)));
        fixture.given(given)
                .when(approve(NORA, COMMUNICATIONS, Set.copyOf(GUIDELINES)))
                .expectEvents(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "nora", 3, Set.of()),
                        new ApprovalAttestedEvent(STORY, COMMUNICATIONS, "nora", null, null, 3,
                                List.of(new PolicyVersion("press-release", 3), new PolicyVersion("default", 1)),
                                GUIDELINES),
                        new StoryApprovedEvent(STORY, 3, List.of(new Approval(LEGAL, "lena", 3),
                                new Approval(COMMUNICATIONS, "gina", 3), new Approval(COMMUNICATIONS, "nora", 3))));
    }

    @Test
    void theSameMemberCannotGiveTwoSignaturesOfAStep() {
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "gina", 3, Set.of(COMMUNICATIONS, LEGAL)));
        fixture.given(given)
                .when(approve(GINA, COMMUNICATIONS, Set.copyOf(GUIDELINES)))
                .expectException(rule(StoryRule.DISTINCT_APPROVERS));
    }

    @Test
    void aResubmissionRecordsThePolicyVersionInForceThen() {
        PolicyTerms pressV4 = new PolicyTerms("press-release", 4, "Press release",
                List.of(new PolicyStep(LEGAL, 1)), List.of("Image rights cleared"));
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ChangesRequestedEvent(STORY, "lena", "tone", 3));
        fixture.given(given)
                .when(new SubmitStoryCommand(STORY, EDITOR, new PoliciesInForce(DEFAULT_V1,
                        Map.of("press-release", pressV4)), null))
                .expectEvents(new StorySubmittedEvent(STORY, EDITOR.username(), 3, Set.of(COMMUNICATIONS, LEGAL)),
                        new ApprovalPoliciesAppliedEvent(STORY, 3, List.of(AppliedPolicy.of(pressV4, List.of("p-press")),
                                AppliedPolicy.of(DEFAULT_V1, List.of("p-li")))));
    }

    @Test
    void aDelegateSignsOnTheLeadsBehalfWhileTheDelegationLasts() {
        Delegation fromLena = new Delegation("d1", "lena", "lukas", LEGAL, NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(3)));
        fixture.given(inReview())
                .when(approve(LUKAS, LEGAL, Set.copyOf(GUIDELINES), fromLena))
                .expectEvents(new ApprovalGrantedEvent(STORY, LEGAL, "lukas", 3, Set.of(COMMUNICATIONS)),
                        new ApprovalAttestedEvent(STORY, LEGAL, "lukas", "lena", "d1", 3,
                                List.of(new PolicyVersion("press-release", 3), new PolicyVersion("default", 1)),
                                GUIDELINES));
    }

    @Test
    void anExpiredDelegationGivesNoRightToSign() {
        Delegation expired = new Delegation("d1", "lena", "lukas", LEGAL, NOW.minus(Duration.ofDays(3)),
                NOW.minus(Duration.ofDays(1)));
        fixture.given(inReview())
                .when(approve(LUKAS, LEGAL, Set.copyOf(GUIDELINES), expired))
                .expectException(missingRole(Action.APPROVE));
    }

    @Test
    void aDelegationForOneGroupDoesNotSignAnotherGroupsStep() {
        Delegation legalOnly = new Delegation("d1", "lena", "lukas", LEGAL, NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(1)));
        fixture.given(inReview())
                .when(approve(LUKAS, COMMUNICATIONS, Set.copyOf(GUIDELINES), legalOnly))
                .expectException(rule(StoryRule.APPROVER_NOT_IN_STEP_GROUP));
    }

    @Test
    void aDelegateCannotSignForALeadWhoWroteTheStory() {
        Actor writingLead = Actor.of("carla", Role.GOVERNANCE_LEAD).inGroups(LEGAL);
        Delegation fromPitcher = new Delegation("d1", writingLead.username(), "lukas", LEGAL,
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        fixture.given(inReview())
                .when(approve(LUKAS, LEGAL, Set.copyOf(GUIDELINES), fromPitcher))
                .expectException(rule(StoryRule.APPROVER_NOT_IN_STEP_GROUP));
    }

    @Test
    void aDelegationEndsWithItsLeadsAuthority() {
        Delegation fromLena = delegation("d1", LENA, LUKAS, LEGAL);
        Map<String, Actor> lenaNoLongerLead = Map.of("lena", Actor.of("lena", Role.CONTRIBUTOR).inGroups(LEGAL));
        Map<String, Actor> lenaLeftLegal = Map.of("lena", Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups("brand"));
        Map<String, Actor> lenaDisabled = Map.of();
        for (Map<String, Actor> lena : List.of(lenaNoLongerLead, lenaLeftLegal, lenaDisabled)) {
            fixture.given(inReview())
                    .when(approve(LUKAS, LEGAL, Set.copyOf(GUIDELINES), lena, fromLena))
                    .expectException(missingRole(Action.APPROVE))
                    .expectNoEvents();
        }
    }

    @Test
    void someoneWhoOnlyReadsDoesNotSignUnderADelegation() {
        Actor viewer = Actor.of("victor", Role.VIEWER).inGroups(LEGAL);
        fixture.given(inReview())
                .when(approve(viewer, LEGAL, Set.copyOf(GUIDELINES), delegation("d1", LENA, viewer, LEGAL)))
                .expectException(missingRole(Action.APPROVE))
                .expectNoEvents();
    }

    @Test
    void aDelegateDoesNotAddASecondSignatureForALeadWhoSigned() {
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "gina", 3, Set.of(COMMUNICATIONS, LEGAL)));
        fixture.given(given)
                .when(approve(CORA, COMMUNICATIONS, Set.copyOf(GUIDELINES), delegation("d1", GINA, CORA, COMMUNICATIONS)))
                .expectException(rule(StoryRule.DISTINCT_APPROVERS))
                .expectNoEvents();
    }

    @Test
    void aLeadDoesNotAddASecondSignatureAfterHerDelegateSignedForHer() {
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "cora", 3, Set.of(COMMUNICATIONS, LEGAL)));
        given.add(new ApprovalAttestedEvent(STORY, COMMUNICATIONS, "cora", "gina", "d1", 3,
                List.of(new PolicyVersion("press-release", 3), new PolicyVersion("default", 1)), GUIDELINES));
        fixture.given(given)
                .when(approve(GINA, COMMUNICATIONS, Set.copyOf(GUIDELINES)))
                .expectException(rule(StoryRule.DISTINCT_APPROVERS))
                .expectNoEvents();
        Actor carl = Actor.of("carl", Role.EDITOR).inGroups(COMMUNICATIONS);
        fixture.given(given)
                .when(approve(carl, COMMUNICATIONS, Set.copyOf(GUIDELINES), delegation("d2", GINA, carl, COMMUNICATIONS)))
                .expectException(rule(StoryRule.DISTINCT_APPROVERS))
                .expectNoEvents();
    }

    @Test
    void aDelegateHoldingTwoLeadsDelegationsSignsForTheLeadWhoHasNotSigned() {
        List<Object> given = new java.util.ArrayList<>(inReview());
        given.add(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "gina", 3, Set.of(COMMUNICATIONS, LEGAL)));
        fixture.given(given)
                .when(approve(CORA, COMMUNICATIONS, Set.copyOf(GUIDELINES), delegation("d1", GINA, CORA, COMMUNICATIONS),
                        delegation("d2", NORA, CORA, COMMUNICATIONS)))
                .expectEvents(new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "cora", 3, Set.of(LEGAL)),
                        new ApprovalAttestedEvent(STORY, COMMUNICATIONS, "cora", "nora", "d2", 3,
                                List.of(new PolicyVersion("press-release", 3), new PolicyVersion("default", 1)),
                                GUIDELINES));
    }

    @Test
    void aRetiredChannelTakesNoNewPlacement() {
        Channel retired = new Channel("myspace", "MySpace", ChannelKind.SOCIAL, true);
        fixture.given(inProgressWithPress())
                .when(new PlanPlacementCommand(STORY, "p-old", retired, THURSDAY_14, "text", EDITOR, null))
                .expectException(rule(StoryRule.CHANNEL_RETIRED))
                .expectNoEvents();
    }
}
