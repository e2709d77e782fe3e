package newsroom.story;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refused command by the rule it names, not by its message text. */
class StoryRuleViolationMatcher extends TypeSafeMatcher<StoryRuleViolation> {

    private final StoryRule expected;

    StoryRuleViolationMatcher(StoryRule expected) {
        this.expected = expected;
    }

    @Override
    protected boolean matchesSafely(StoryRuleViolation violation) {
        return violation.rule() == expected;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a violation of rule ").appendValue(expected.ruleName());
    }
}
