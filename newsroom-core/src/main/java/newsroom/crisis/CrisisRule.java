package newsroom.crisis;

/** The named rules of switching crisis mode. The name is what the API reports as {@code rule}. */
public enum CrisisRule {
    ALREADY_ON("CrisisModeAlreadyOn", "crisis mode is on already; end it before switching on another"),
    NOT_ON("CrisisModeNotOn", "crisis mode is off, so there is nothing to end");

    private final String ruleName;
    private final String description;

    CrisisRule(String ruleName, String description) {
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
