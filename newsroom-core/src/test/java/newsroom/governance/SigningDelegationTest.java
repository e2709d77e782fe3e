package newsroom.governance;

import static newsroom.governance.GovernanceRuleMatcher.violates;
import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of delegating signing. */
class SigningDelegationTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-15T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Actor LENA = Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups("legal");

    private FixtureConfiguration<SigningDelegation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SigningDelegation.class);
    }

    private static DelegateSigningCommand delegate(Actor lead, String group, String to, Set<String> toGroups,
                                                   Instant from, Instant until) {
        return new DelegateSigningCommand("d1", group, to, toGroups, Set.of(Role.CONTRIBUTOR), from, until, lead, AT);
    }

    private static SigningDelegatedEvent delegated() {
        return new SigningDelegatedEvent("d1", "lena", "lukas", "legal", FROM, UNTIL, AT);
    }

    @Test
    void aLeadDelegatesToAnotherMemberOfTheGroup() {
        fixture.givenNoPriorActivity().when(delegate(LENA, "legal", "lukas", Set.of("legal"), FROM, UNTIL))
                .expectEvents(delegated());
    }

    @Test
    void onlyAGovernanceLeadDelegates() {
        fixture.givenNoPriorActivity()
                .when(delegate(Actor.of("erik", Role.EDITOR).inGroups("legal"), "legal", "lukas", Set.of("legal"), FROM, UNTIL))
                .expectException(missingRole(Action.DELEGATE_SIGNING));
    }

    @Test
    void theLeadBelongsToTheGroup() {
        fixture.givenNoPriorActivity().when(delegate(LENA, "communications", "lukas", Set.of("communications"), FROM, UNTIL))
                .expectException(violates(GovernanceRule.DELEGATOR_NOT_IN_GROUP));
    }

    @Test
    void theDelegateBelongsToTheSameGroup() {
        fixture.givenNoPriorActivity().when(delegate(LENA, "legal", "otto", Set.of("hr"), FROM, UNTIL))
                .expectException(violates(GovernanceRule.DELEGATE_NOT_IN_GROUP));
    }

    @Test
    void theDelegateTakesPartInEditorialWork() {
        for (Role reader : new Role[] {Role.VIEWER, Role.AUDITOR, Role.ADMIN}) {
            fixture.givenNoPriorActivity().when(new DelegateSigningCommand("d1", "legal", "victor", Set.of("legal"),
                            Set.of(reader), FROM, UNTIL, LENA, AT))
                    .expectException(violates(GovernanceRule.DELEGATE_MAY_NOT_SIGN));
        }
        fixture.givenNoPriorActivity().when(new DelegateSigningCommand("d1", "legal", "lukas", Set.of("legal"),
                        Set.of(Role.VIEWER, Role.EDITOR), FROM, UNTIL, LENA, AT))
                .expectEvents(delegated());
    }

    @Test
    void nobodyDelegatesToThemself() {
        fixture.givenNoPriorActivity().when(delegate(LENA, "legal", "lena", Set.of("legal"), FROM, UNTIL))
                .expectException(violates(GovernanceRule.CANNOT_DELEGATE_TO_YOURSELF));
    }

    @Test
    void aDelegationEndsAfterItStartsAndWithinNinetyDays() {
        fixture.givenNoPriorActivity().when(delegate(LENA, "legal", "lukas", Set.of("legal"), UNTIL, FROM))
                .expectException(violates(GovernanceRule.DELEGATION_PERIOD_INVALID));
        fixture.givenNoPriorActivity()
                .when(delegate(LENA, "legal", "lukas", Set.of("legal"), FROM, FROM.plus(Duration.ofDays(91))))
                .expectException(violates(GovernanceRule.DELEGATION_PERIOD_INVALID))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("91 days, longer than the 90"));
        // one that ended before it was given would never let anyone sign
        fixture.givenNoPriorActivity()
                .when(delegate(LENA, "legal", "lukas", Set.of("legal"), AT.minus(Duration.ofDays(30)),
                        AT.minus(Duration.ofDays(20))))
                .expectException(violates(GovernanceRule.DELEGATION_PERIOD_INVALID))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already ended"));
    }

    @Test
    void theLeadRevokesItOnce() {
        fixture.given(delegated()).when(new RevokeDelegationCommand("d1", LENA, AT))
                .expectEvents(new SigningDelegationRevokedEvent("d1", "lena", AT));
        fixture.given(delegated(), new SigningDelegationRevokedEvent("d1", "lena", AT))
                .when(new RevokeDelegationCommand("d1", LENA, AT))
                .expectException(violates(GovernanceRule.DELEGATION_ALREADY_REVOKED));
    }

    @Test
    void onlyTheDelegatingLeadRevokes() {
        fixture.given(delegated())
                .when(new RevokeDelegationCommand("d1", Actor.of("lukas", Role.CONTRIBUTOR).inGroups("legal"), AT))
                .expectException(violates(GovernanceRule.ONLY_DELEGATOR_REVOKES));
    }
}
