package newsroom.governance;

import static newsroom.governance.GovernanceRuleMatcher.violates;
import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Instant;
import java.util.List;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of defining an approval policy, and its versions. */
class ApprovalPolicyDefinitionTest {

    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Actor ADMIN = Actor.of("ada", Role.ADMIN);
    private static final List<PolicyStep> STEPS = List.of(new PolicyStep("communications", 1), new PolicyStep("legal", 2));
    private static final List<String> CHECKLIST = List.of("Image rights cleared");

    private FixtureConfiguration<ApprovalPolicyDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApprovalPolicyDefinition.class);
    }

    private static DefineApprovalPolicyCommand define(List<PolicyStep> steps, List<String> checklist, Actor by) {
        return new DefineApprovalPolicyCommand("press-release", "Press release", steps, checklist, by, AT, null);
    }

    private static ApprovalPolicyDefinedEvent defined(long version, List<PolicyStep> steps, List<String> checklist) {
        return new ApprovalPolicyDefinedEvent("press-release", version, "Press release", steps, checklist, "ada", AT);
    }

    @Test
    void theFirstDefinitionIsVersionOne() {
        fixture.givenNoPriorActivity().when(define(STEPS, CHECKLIST, ADMIN)).expectEvents(defined(1, STEPS, CHECKLIST));
    }

    @Test
    void aChangeIsTheNextVersion() {
        List<String> more = List.of("Image rights cleared", "Employee consent for photos");
        fixture.given(defined(1, STEPS, CHECKLIST)).when(define(STEPS, more, ADMIN)).expectEvents(defined(2, STEPS, more));
    }

    @Test
    void anUnchangedDefinitionRecordsNoVersion() {
        fixture.given(defined(1, STEPS, CHECKLIST)).when(define(STEPS, CHECKLIST, ADMIN)).expectNoEvents();
    }

    @Test
    void onlyAnAdminDefinesPolicies() {
        fixture.givenNoPriorActivity().when(define(STEPS, CHECKLIST, Actor.of("gina", Role.GOVERNANCE_LEAD)))
                .expectException(missingRole(Action.MANAGE_APPROVAL_POLICIES));
    }

    @Test
    void aPolicyHasAtLeastOneStep() {
        fixture.givenNoPriorActivity().when(define(List.of(), CHECKLIST, ADMIN))
                .expectException(violates(GovernanceRule.POLICY_NEEDS_A_STEP));
    }

    @Test
    void aStepNeedsAtLeastOneSignature() {
        fixture.givenNoPriorActivity().when(define(List.of(new PolicyStep("legal", 0)), CHECKLIST, ADMIN))
                .expectException(violates(GovernanceRule.SIGNATURES_AT_LEAST_ONE));
    }

    @Test
    void aGroupSignsOneStepOfAPolicy() {
        fixture.givenNoPriorActivity()
                .when(define(List.of(new PolicyStep("legal", 1), new PolicyStep("legal", 2)), CHECKLIST, ADMIN))
                .expectException(violates(GovernanceRule.STEP_GROUP_REPEATED));
    }

    @Test
    void aStepNamesAGroup() {
        fixture.givenNoPriorActivity().when(define(List.of(new PolicyStep("Legal Team", 1)), CHECKLIST, ADMIN))
                .expectException(violates(GovernanceRule.STEP_GROUP_FORMAT));
        // named as a person's group could not be: nobody could ever sign the step
        for (String unjoinable : List.of("legal_eu.x", "legal.eu", "-legal", "legal-")) {
            fixture.givenNoPriorActivity().when(define(List.of(new PolicyStep(unjoinable, 1)), CHECKLIST, ADMIN))
                    .expectException(violates(GovernanceRule.STEP_GROUP_FORMAT));
        }
    }

    @Test
    void checklistItemsAreNotEmptyNorRepeated() {
        fixture.givenNoPriorActivity().when(define(STEPS, List.of("a", " a "), ADMIN))
                .expectException(violates(GovernanceRule.CHECKLIST_ITEM_INVALID));
        fixture.givenNoPriorActivity().when(define(STEPS, List.of(" "), ADMIN))
                .expectException(violates(GovernanceRule.CHECKLIST_ITEM_INVALID));
    }

    @Test
    void aPolicyIdIsASlug() {
        fixture.givenNoPriorActivity()
                .when(new DefineApprovalPolicyCommand("Press Release", "x", STEPS, CHECKLIST, ADMIN, AT, null))
                .expectException(violates(GovernanceRule.POLICY_ID_FORMAT));
    }
}
