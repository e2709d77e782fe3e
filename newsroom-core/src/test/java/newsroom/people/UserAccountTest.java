package newsroom.people;

import static newsroom.people.MissingRoleMatcher.missingRole;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every account rule, as given events / when command / expect events or the named rule. */
class UserAccountTest {

    private static final Actor ADA = Actor.of("ada", Role.ADMIN);
    private static final Actor EDDIE = Actor.of("eddie", Role.EDITOR);

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    private static UserRegisteredEvent registered(String username, Role... roles) {
        return new UserRegisteredEvent(username, username, Set.of(roles), Set.of(), "cred-1", false, "ada");
    }

    private static UserRegisteredEvent graceRegistered() {
        return new UserRegisteredEvent("grace", "Grace", Set.of(Role.GOVERNANCE_LEAD), Set.of("communications"),
                "cred-1", true, "ada");
    }

    private static Matcher<UserRuleViolation> rule(UserRule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(UserRuleViolation violation) {
                return violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused by the rule ").appendValue(rule.ruleName());
            }
        };
    }

    @Nested
    class Registering {

        @Test
        void anAdminRegistersAPersonWithRolesAndGroups() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand("grace", "Grace", Set.of(Role.GOVERNANCE_LEAD),
                            Set.of("communications"), "cred-1", true, ADA))
                    .expectEvents(graceRegistered());
        }

        @Test
        void aBlankDisplayNameBecomesTheUsername() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand("otto", " ", Set.of(Role.AUDITOR), Set.of(), "cred-1", false, ADA))
                    .expectEvents(new UserRegisteredEvent("otto", "otto", Set.of(Role.AUDITOR), Set.of(), "cred-1",
                            false, "ada"));
        }

        @Test
        void onlyAnAdminRegisters() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand("grace", "Grace", Set.of(Role.EDITOR), Set.of(), "c", false, EDDIE))
                    .expectException(missingRole(Action.MANAGE_USERS))
                    .expectNoEvents();
        }

        @Test
        void aUsernameIsRegisteredOnce() {
            fixture.given(graceRegistered())
                    .when(new RegisterUserCommand("grace", "Grace Two", Set.of(Role.EDITOR), Set.of(), "c2", false, ADA))
                    .expectException(rule(UserRule.USERNAME_TAKEN))
                    .expectNoEvents();
        }

        @Test
        void aUsernameOfADisabledAccountStaysTaken() {
            fixture.given(graceRegistered(), new UserDisabledEvent("grace", "left", "ada"))
                    .when(new RegisterUserCommand("grace", "Grace", Set.of(Role.EDITOR), Set.of(), "c2", false, ADA))
                    .expectException(rule(UserRule.USERNAME_TAKEN));
        }

        @Test
        void aUsernameHasTheMentionableFormat() {
            for (String bad : new String[] {"Grace", "g", "9lives", "grace.", "gr ace", "grace@corp", "system:demo",
                    "a-very-long-username-of-more-than-32"}) {
                new AggregateTestFixture<>(UserAccount.class).givenNoPriorActivity()
                        .when(new RegisterUserCommand(bad, "X", Set.of(Role.EDITOR), Set.of(), "c", false, ADA))
                        .expectException(rule(UserRule.USERNAME_FORMAT));
            }
            for (String good : new String[] {"gr", "grace.hopper", "g_h-2", "carla99"}) {
                new AggregateTestFixture<>(UserAccount.class).givenNoPriorActivity()
                        .when(new RegisterUserCommand(good, "X", Set.of(Role.EDITOR), Set.of(), "c", false, ADA))
                        .expectSuccessfulHandlerExecution();
            }
        }

        @Test
        void anAccountHoldsAtLeastOneRole() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand("grace", "Grace", Set.of(), Set.of("legal"), "c", false, ADA))
                    .expectException(rule(UserRule.AT_LEAST_ONE_ROLE));
        }

        @Test
        void groupNamesAreLowerCaseSlugs() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand("grace", "Grace", Set.of(Role.EDITOR), Set.of("HR"), "c", false, ADA))
                    .expectException(rule(UserRule.GROUP_NAME_FORMAT));
        }
    }

    @Nested
    class RolesAndGroups {

        @Test
        void anAdminChangesRolesAndTheEventSaysWhatTheyWere() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserRolesCommand("grace", Set.of(Role.GOVERNANCE_LEAD, Role.EDITOR), ADA, null))
                    .expectEvents(new UserRolesChangedEvent("grace", Set.of(Role.GOVERNANCE_LEAD, Role.EDITOR),
                            Set.of(Role.GOVERNANCE_LEAD), "ada"));
        }

        @Test
        void theSameRolesRecordNothing() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserRolesCommand("grace", Set.of(Role.GOVERNANCE_LEAD), ADA, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rolesCannotBeEmptied() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserRolesCommand("grace", Set.of(), ADA, null))
                    .expectException(rule(UserRule.AT_LEAST_ONE_ROLE));
        }

        @Test
        void onlyAnAdminChangesRoles() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserRolesCommand("grace", Set.of(Role.ADMIN), Actor.of("grace", Role.GOVERNANCE_LEAD), null))
                    .expectException(missingRole(Action.MANAGE_USERS));
        }

        @Test
        void anAdminCannotTakeTheAdminRoleFromThemself() {
            fixture.given(registered("ada", Role.ADMIN))
                    .when(new ChangeUserRolesCommand("ada", Set.of(Role.EDITOR), ADA, null))
                    .expectException(rule(UserRule.CANNOT_REVOKE_YOUR_OWN_ADMIN_ROLE))
                    .expectNoEvents();
        }

        @Test
        void anAdminMayAddRolesToThemselfAndKeepAdmin() {
            fixture.given(registered("ada", Role.ADMIN))
                    .when(new ChangeUserRolesCommand("ada", Set.of(Role.ADMIN, Role.EDITOR), ADA, null))
                    .expectEvents(new UserRolesChangedEvent("ada", Set.of(Role.ADMIN, Role.EDITOR), Set.of(Role.ADMIN), "ada"));
        }

        @Test
        void anotherAdminMayTakeTheAdminRole() {
            fixture.given(registered("bob", Role.ADMIN))
                    .when(new ChangeUserRolesCommand("bob", Set.of(Role.VIEWER), ADA, null))
                    .expectEvents(new UserRolesChangedEvent("bob", Set.of(Role.VIEWER), Set.of(Role.ADMIN), "ada"));
        }

        @Test
        void anAdminChangesGroups() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserGroupsCommand("grace", Set.of("communications", "brand"), ADA, null))
                    .expectEvents(new UserGroupsChangedEvent("grace", Set.of("communications", "brand"),
                            Set.of("communications"), "ada"));
        }

        @Test
        void groupsMayBeEmptiedButMustBeWellFormed() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserGroupsCommand("grace", Set.of(), ADA, null))
                    .expectEvents(new UserGroupsChangedEvent("grace", Set.of(), Set.of("communications"), "ada"));
            fixture.given(graceRegistered())
                    .when(new ChangeUserGroupsCommand("grace", Set.of("legal team"), ADA, null))
                    .expectException(rule(UserRule.GROUP_NAME_FORMAT));
        }

        @Test
        void onlyAnAdminChangesGroups() {
            fixture.given(graceRegistered())
                    .when(new ChangeUserGroupsCommand("grace", Set.of("legal"), EDDIE, null))
                    .expectException(missingRole(Action.MANAGE_USERS));
        }
    }

    @Nested
    class DisablingAndReEnabling {

        @Test
        void anAdminDisablesAnAccount() {
            fixture.given(graceRegistered())
                    .when(new DisableUserCommand("grace", "left the company", ADA, null))
                    .expectEvents(new UserDisabledEvent("grace", "left the company", "ada"));
        }

        @Test
        void anAdminCannotDisableThemself() {
            fixture.given(registered("ada", Role.ADMIN))
                    .when(new DisableUserCommand("ada", "oops", ADA, null))
                    .expectException(rule(UserRule.CANNOT_DISABLE_YOURSELF))
                    .expectNoEvents();
        }

        @Test
        void aDisabledAccountIsNotDisabledAgain() {
            fixture.given(graceRegistered(), new UserDisabledEvent("grace", "left", "ada"))
                    .when(new DisableUserCommand("grace", "again", ADA, null))
                    .expectException(rule(UserRule.USER_ALREADY_DISABLED));
        }

        @Test
        void onlyAnAdminDisables() {
            fixture.given(graceRegistered())
                    .when(new DisableUserCommand("grace", "no", EDDIE, null))
                    .expectException(missingRole(Action.MANAGE_USERS));
        }

        @Test
        void aDisabledAccountIsReEnabled() {
            fixture.given(graceRegistered(), new UserDisabledEvent("grace", "left", "ada"))
                    .when(new ReEnableUserCommand("grace", ADA, null))
                    .expectEvents(new UserReEnabledEvent("grace", "ada"));
        }

        @Test
        void onlyADisabledAccountIsReEnabled() {
            fixture.given(graceRegistered())
                    .when(new ReEnableUserCommand("grace", ADA, null))
                    .expectException(rule(UserRule.USER_NOT_DISABLED));
        }

        @Test
        void onlyAnAdminReEnables() {
            fixture.given(graceRegistered(), new UserDisabledEvent("grace", "left", "ada"))
                    .when(new ReEnableUserCommand("grace", EDDIE, null))
                    .expectException(missingRole(Action.MANAGE_USERS));
        }
    }

    @Nested
    class Passwords {

        @Test
        void aPersonChangesTheirOwnPassword() {
            fixture.given(graceRegistered())
                    .when(new ChangePasswordCommand("grace", "cred-2", Actor.of("grace", Role.GOVERNANCE_LEAD)))
                    .expectEvents(new PasswordChangedEvent("grace", "cred-2", "grace"));
        }

        @Test
        void nobodyChangesSomeoneElsesPasswordNotEvenAnAdmin() {
            fixture.given(graceRegistered())
                    .when(new ChangePasswordCommand("grace", "cred-2", ADA))
                    .expectException(rule(UserRule.OWN_PASSWORD_ONLY))
                    .expectNoEvents();
        }

        @Test
        void aDisabledAccountCannotChangeItsPassword() {
            fixture.given(graceRegistered(), new UserDisabledEvent("grace", "left", "ada"))
                    .when(new ChangePasswordCommand("grace", "cred-2", Actor.of("grace", Role.GOVERNANCE_LEAD)))
                    .expectException(rule(UserRule.ACCOUNT_DISABLED));
        }

        @Test
        void anAdminForcesAPasswordReset() {
            fixture.given(graceRegistered())
                    .when(new ResetPasswordCommand("grace", "cred-2", ADA))
                    .expectEvents(new PasswordResetEvent("grace", "cred-2", "ada"));
        }

        @Test
        void onlyAnAdminForcesAReset() {
            fixture.given(graceRegistered())
                    .when(new ResetPasswordCommand("grace", "cred-2", EDDIE))
                    .expectException(missingRole(Action.MANAGE_USERS));
        }
    }
}
