package newsroom.story;

/** A command refused because it would break a named {@link StoryRule}. Nothing is applied. */
public class StoryRuleViolation extends RuntimeException {

    private final StoryRule rule;

    public StoryRuleViolation(StoryRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public StoryRule rule() {
        return rule;
    }
}
