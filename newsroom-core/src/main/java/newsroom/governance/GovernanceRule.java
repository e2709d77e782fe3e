package newsroom.governance;

import newsroom.people.GroupNames;

/**
 * The named rules of what admins and governance leads define: approval policies, channels and signing
 * delegations. A rule with a {@link #field()} is about one value of the request (answered 400 naming the field);
 * one without is about the current state (answered 409 like a refused story command).
 */
public enum GovernanceRule {
    POLICY_ID_FORMAT("PolicyIdFormat", "policyId", "a policy id is lower-case letters, digits and dashes"),
    POLICY_NEEDS_A_STEP("ApprovalPolicyNeedsAStep", "steps", "an approval policy has at least one step"),
    STEP_GROUP_FORMAT("StepGroupFormat", "steps", "a step names a group the way people's groups are named: "
            + GroupNames.FORMAT),
    STEP_GROUP_REPEATED("StepGroupRepeated", "steps", "a group signs at most one step of a policy"),
    SIGNATURES_AT_LEAST_ONE("SignaturesAtLeastOne", "steps", "a step needs between 1 and 5 distinct signatures"),
    CHECKLIST_ITEM_INVALID("ChecklistItemInvalid", "checklist",
            "a checklist has at most 10 items, each 1 to 200 characters, none repeated"),
    CHANNEL_ID_FORMAT("ChannelIdFormat", "channelId", "a channel id is lower-case letters, digits and dashes"),
    CHANNEL_NAME_REQUIRED("ChannelNameRequired", "name", "a channel has a name of 1 to 80 characters"),
    COLOUR_FORMAT("ColourFormat", "colour", "a colour is written #rrggbb"),
    MINIMUM_GAP_INVALID("MinimumGapInvalid", "minimumGapMinutes", "the minimum gap is 0 to 10080 minutes (a week)"),
    CHANNEL_ALREADY_EXISTS("ChannelAlreadyExists", null, "a channel id is used once, also after it was retired"),
    CHANNEL_ALREADY_RETIRED("ChannelAlreadyRetired", null, "a retired channel is kept for history and not changed"),
    DELEGATOR_NOT_IN_GROUP("DelegatorNotInGroup", "group", "a lead delegates signing only for a group they belong to"),
    DELEGATE_NOT_IN_GROUP("DelegateNotInGroup", "delegate", "signing is delegated only to another member of the same group"),
    DELEGATE_MAY_NOT_SIGN("DelegateMayNotSign", "delegate",
            "signing is delegated only to a contributor, editor or governance lead, not to a reader or admin alone"),
    CANNOT_DELEGATE_TO_YOURSELF("CannotDelegateToYourself", "delegate", "a delegation names someone else"),
    DELEGATION_PERIOD_INVALID("DelegationPeriodInvalid", "until",
            "a delegation ends after it starts and in the future, and lasts at most 90 days"),
    DELEGATION_ALREADY_REVOKED("DelegationAlreadyRevoked", null, "a delegation is revoked at most once"),
    ONLY_DELEGATOR_REVOKES("OnlyDelegatorRevokes", null, "only the lead who delegated may revoke the delegation");

    private final String ruleName;
    private final String field;
    private final String description;

    GovernanceRule(String ruleName, String field, String description) {
        this.ruleName = ruleName;
        this.field = field;
        this.description = description;
    }

    public String ruleName() {
        return ruleName;
    }

    /** The request field the rule is about; null for a rule about the current state. */
    public String field() {
        return field;
    }

    public String description() {
        return description;
    }
}
