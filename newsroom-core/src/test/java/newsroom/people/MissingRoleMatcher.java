package newsroom.people;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a command refused for want of a role, by the action it names. */
public final class MissingRoleMatcher extends TypeSafeMatcher<MissingRole> {

    private final Action action;

    private MissingRoleMatcher(Action action) {
        this.action = action;
    }

    public static Matcher<MissingRole> missingRole(Action action) {
        return new MissingRoleMatcher(action);
    }

    @Override
    protected boolean matchesSafely(MissingRole refusal) {
        return refusal.action() == action;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("refused for want of a role that may ").appendValue(action);
    }
}
