package newsroom.api.web;

/**
 * Named rules that the API reports in a 409 {@code rule-violation} although the domain raises them without a
 * rule name (the domain's own named rules, such as {@code newsroom.story.StoryRule}, are reported as they are).
 */
public enum ConflictRule {

    BLACKOUT_ALREADY_LIFTED("BlackoutAlreadyLifted", "a quiet period is lifted at most once");

    private final String ruleName;
    private final String description;

    ConflictRule(String ruleName, String description) {
        this.ruleName = ruleName;
        this.description = description;
    }

    public String ruleName() {
        return ruleName;
    }

    public String description() {
        return description;
    }
}
