package newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.instanceOf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every account history and every person, each action {@link AccountActions} offers is accepted by the
 * {@link UserAccount} aggregate and each other one is refused with a named rule or a missing role.
 */
class AccountActionsAgreeWithTheAggregateTest {

    private static final Actor ADA = Actor.of("ada", Role.ADMIN);
    private static final Actor BOB = Actor.of("bob", Role.ADMIN, Role.EDITOR);
    private static final Actor GRACE = Actor.of("grace", Role.GOVERNANCE_LEAD).inGroups("communications");
    private static final Actor OTTO = Actor.of("otto", Role.AUDITOR);
    private static final List<Actor> PEOPLE = List.of(ADA, BOB, GRACE, OTTO);

    private static Map<String, List<Object>> histories() {
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        for (Actor person : PEOPLE) {
            UserRegisteredEvent registered = new UserRegisteredEvent(person.username(), person.username(),
                    person.roles(), person.groups(), "cred", false, "system:first-start");
            histories.put(person.username() + ", enabled", List.of(registered));
            histories.put(person.username() + ", disabled", List.of(registered,
                    new UserDisabledEvent(person.username(), "left", "ada")));
        }
        return histories;
    }

    @TestFactory
    Stream<DynamicTest> everyOfferedActionIsAcceptedAndEveryOtherIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        histories().forEach((name, history) -> {
            for (Actor actor : PEOPLE) {
                tests.add(DynamicTest.dynamicTest(name + " / " + actor.username(), () -> check(history, actor)));
            }
        });
        return tests.stream();
    }

    @Test
    void theHistoriesCoverEveryActionBothOfferedAndRefused() {
        Set<AccountAction> offered = EnumSet.noneOf(AccountAction.class);
        Set<AccountAction> refused = EnumSet.noneOf(AccountAction.class);
        histories().values().forEach(history -> {
            for (Actor actor : PEOPLE) {
                Set<AccountAction> allowed = AccountActions.allowedFor(stateAfter(history), actor);
                for (AccountAction action : AccountAction.values()) {
                    (allowed.contains(action) ? offered : refused).add(action);
                }
            }
        });
        assertThat(offered).containsExactlyInAnyOrder(AccountAction.values());
        assertThat(refused).containsExactlyInAnyOrder(AccountAction.values());
    }

    private static AccountState stateAfter(List<Object> history) {
        UserRegisteredEvent registered = (UserRegisteredEvent) history.get(0);
        boolean enabled = history.stream().noneMatch(UserDisabledEvent.class::isInstance);
        return new AccountState(registered.username(), registered.roles(), registered.groups(), enabled);
    }

    private static void check(List<Object> history, Actor actor) {
        AccountState account = stateAfter(history);
        Set<AccountAction> allowed = AccountActions.allowedFor(account, actor);
        String username = account.username();
        // valid values where a value could be wrong: keeps ADMIN for an admin, well-formed groups
        Set<Role> roles = EnumSet.copyOf(account.roles());
        roles.add(Role.VIEWER);
        Map<AccountAction, Object> commands = Map.of(
                AccountAction.CHANGE_ROLES, new ChangeUserRolesCommand(username, roles, actor, null),
                AccountAction.CHANGE_GROUPS, new ChangeUserGroupsCommand(username, Set.of("brand"), actor, null),
                AccountAction.DISABLE, new DisableUserCommand(username, "left", actor, null),
                AccountAction.RE_ENABLE, new ReEnableUserCommand(username, actor, null),
                AccountAction.RESET_PASSWORD, new ResetPasswordCommand(username, "cred-2", actor),
                AccountAction.CHANGE_PASSWORD, new ChangePasswordCommand(username, "cred-2", actor));
        FixtureConfiguration<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);
        commands.forEach((action, command) -> {
            try {
                if (allowed.contains(action)) {
                    fixture.given(history).when(command).expectSuccessfulHandlerExecution();
                } else {
                    fixture.given(history).when(command).expectException(
                            anyOf(instanceOf(UserRuleViolation.class), instanceOf(MissingRole.class)));
                }
            } catch (AssertionError e) {
                throw new AssertionError(action + (allowed.contains(action) ? " is offered but refused"
                        : " is not offered but accepted") + ": " + e.getMessage(), e);
            }
        });
    }
}
