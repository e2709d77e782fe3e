package newsroom.api.story;

import java.util.HashMap;
import java.util.Map;

import newsroom.api.channel.ChannelCatalogue;
import newsroom.api.governance.PolicyRepository;
import newsroom.api.governance.PolicyView;
import newsroom.governance.ApprovalPolicyDefinition;
import newsroom.governance.PoliciesInForce;
import newsroom.governance.PolicyTerms;
import newsroom.story.PlacementStatus;
import org.springframework.stereotype.Component;

/**
 * The approval policies in force for a story's submission: the current version of the policy of each channel it
 * is placed on (or the default one), read from the channels and policies read models. The story decides which of
 * them apply and records those.
 */
@Component
class ReviewPolicies {

    private final ChannelCatalogue channels;
    private final PolicyRepository policies;

    ReviewPolicies(ChannelCatalogue channels, PolicyRepository policies) {
        this.channels = channels;
        this.policies = policies;
    }

    /** Null when no default policy exists yet: the steps recorded at planning apply, as before policies were data. */
    PoliciesInForce inForceFor(StoryView story) {
        PolicyTerms defaultPolicy = policies.find(ApprovalPolicyDefinition.DEFAULT_POLICY).map(PolicyView::terms)
                .orElse(null);
        if (defaultPolicy == null) {
            return null;
        }
        Map<String, PolicyTerms> byChannel = new HashMap<>();
        story.placements.stream().filter(placement -> placement.status == PlacementStatus.PLANNED)
                .forEach(placement -> channels.approvalPolicyOf(placement.channelId)
                        .flatMap(policies::find)
                        .ifPresent(policy -> byChannel.put(placement.channelId, policy.terms())));
        return new PoliciesInForce(defaultPolicy, byChannel);
    }
}
