package newsroom.story;

/** The named rules a story command can break. The name is what the API reports as {@code rule}. */
public enum StoryRule {
    FOUR_EYES("FourEyesPrinciple",
            "nobody approves a story they pitched or last edited, or whose placement text they wrote"),
    DISTINCT_APPROVERS("DistinctApproversRequired",
            "a person signs at most once per content version, themself or through a delegate"),
    APPROVER_NOT_IN_STEP_GROUP("ApproverNotInStepGroup", "only governance leads in the group the approval policy names for a step (or a member holding a lead's delegation) may sign it"),
    CHECKLIST_NOT_CONFIRMED("ChecklistNotConfirmed", "an approver confirms every guideline of the policy versions in force"),
    CHANNEL_RETIRED("ChannelRetired", "a retired channel takes no new placements"),
    APPROVAL_STEP_NOT_REQUIRED("ApprovalStepNotRequired", "the step is not required for this story's channels"),
    APPROVAL_STEP_ALREADY_GRANTED("ApprovalStepAlreadyGranted", "the step already has all the signatures it needs for this version"),
    APPROVAL_STEP_MUST_BE_NAMED("ApprovalStepMustBeNamed", "more than one step is pending; name the one you approve"),
    REQUIRED_APPROVALS_MISSING("RequiredApprovalsMissing", "the placement's channel needs approvals that the current version lacks"),
    EMBARGO_NOT_LIFTED("EmbargoNotLifted", "nothing is published before the embargo"),
    SLOT_BEFORE_EMBARGO("SlotBeforeEmbargo", "nothing is placed for a slot before the embargo"),
    SLOT_IN_THE_PAST("SlotInThePast", "a placement is planned or moved only to a slot that has not passed"),
    PLACEMENT_ALREADY_PUBLISHED("PlacementAlreadyPublished", "a placement is published at most once"),
    PLACEMENT_CANCELLED("PlacementCancelled", "a cancelled placement cannot change or go out"),
    PLACEMENT_NOT_PUBLISHED("PlacementNotPublished", "only a published placement is delivered to its channel's system"),
    DELIVERY_NOT_FAILED("DeliveryNotFailed", "only a delivery that failed is redelivered; one in progress or delivered is left alone"),
    PLACEMENT_ALREADY_EXISTS("PlacementAlreadyExists", "the placement id is already used on this story"),
    STORY_CLOSED("StoryClosed", "a killed or declined story refuses every change"),
    STORY_FULLY_PUBLISHED("StoryFullyPublished", "a story whose placements are all published cannot be killed"),
    INVALID_TRANSITION("InvalidWorkflowTransition", "the story's workflow state does not allow this step"),
    OWN_DRAFTS_ONLY("ContributorsEditOwnDraftsOnly", "contributors change only stories they pitched or are assigned to"),
    NOT_ITS_OWN_SOURCE("StoryCannotBeItsOwnSource", "a derived story needs another story as its source"),
    QUIET_PERIOD_IN_FORCE("QuietPeriodInForce", "nothing is planned, moved or published into a quiet period on the placement's channel unless a governance lead overrode that period for the placement"),
    QUIET_PERIOD_NOT_IN_FORCE("QuietPeriodNotInForce", "only a quiet period that is defined and not lifted can be overridden"),
    QUIET_PERIOD_NOT_ON_CHANNEL("QuietPeriodNotOnChannel", "the quiet period does not hold the placement's channel, so there is nothing to override"),
    QUIET_PERIOD_ALREADY_OVERRIDDEN("QuietPeriodAlreadyOverridden", "a quiet period is overridden once per placement"),
    CRISIS_MODE_ACTIVE("CrisisModeActive", "while crisis mode is on only governance leads plan, move, resume or publish placements"),
    PLACEMENT_PAUSED("PlacementPaused", "a placement paused by crisis mode goes out only after it is resumed or rescheduled"),
    PLACEMENT_NOT_PAUSED("PlacementNotPaused", "only a paused placement can be resumed"),
    PAUSED_SLOT_PASSED("PausedSlotPassed", "a paused placement whose slot has passed is rescheduled or cancelled, never resumed: it does not go out late without a new slot");

    private final String ruleName;
    private final String description;

    StoryRule(String ruleName, String description) {
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
