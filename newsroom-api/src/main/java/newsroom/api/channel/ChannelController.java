package newsroom.api.channel;

import java.util.List;
import java.util.Set;

import newsroom.api.security.Permissions;
import newsroom.channel.ChannelKind;
import newsroom.governance.ApprovalPolicy;
import newsroom.people.Action;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the channels with the approval steps each needs. */
@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final ChannelCatalogue catalogue;
    private final ApprovalPolicy policy;
    private final Permissions permissions;

    ChannelController(ChannelCatalogue catalogue, ApprovalPolicy policy, Permissions permissions) {
        this.catalogue = catalogue;
        this.policy = policy;
        this.permissions = permissions;
    }

    record ChannelView(String id, String name, ChannelKind kind, Set<String> requiredApprovalSteps) {
    }

    @GetMapping
    List<ChannelView> channels() {
        permissions.require(Action.READ);
        return catalogue.all().stream()
                .map(channel -> new ChannelView(channel.id(), channel.name(), channel.kind(),
                        policy.stepsFor(channel.kind())))
                .toList();
    }
}
