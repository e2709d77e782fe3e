package newsroom.governance;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refused governance command by the rule it names. */
public class GovernanceRuleMatcher extends TypeSafeMatcher<GovernanceRuleViolation> {

    private final GovernanceRule expected;

    private GovernanceRuleMatcher(GovernanceRule expected) {
        this.expected = expected;
    }

    public static GovernanceRuleMatcher violates(GovernanceRule rule) {
        return new GovernanceRuleMatcher(rule);
    }

    @Override
    protected boolean matchesSafely(GovernanceRuleViolation violation) {
        return violation.rule() == expected;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a violation of rule ").appendValue(expected.ruleName());
    }
}
