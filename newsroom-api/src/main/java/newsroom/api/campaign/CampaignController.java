package newsroom.api.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.security.Permissions;
import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import newsroom.campaign.CampaignPeriodInvalid;
import newsroom.campaign.DefineCampaignCommand;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns: the business goals stories serve. Editors and governance leads define them. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final java.util.regex.Pattern CAMPAIGN_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final CommandGateway commands;
    private final EventStore events;
    private final CampaignRepository campaigns;
    private final ReadModelProgress progress;
    private final Permissions permissions;

    CampaignController(CommandGateway commands, EventStore events, CampaignRepository campaigns,
                       ReadModelProgress progress, Permissions permissions) {
        this.commands = commands;
        this.events = events;
        this.campaigns = campaigns;
        this.progress = progress;
        this.permissions = permissions;
    }

    record CampaignRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2_000) String goal,
                           @Size(max = 2_000) String kpi, LocalDate startsOn, LocalDate endsOn) {
    }

    @GetMapping
    List<CampaignView> all() {
        permissions.require(Action.READ);
        return campaigns.all();
    }

    @GetMapping("/{campaignId}")
    CampaignView one(@PathVariable String campaignId) {
        permissions.require(Action.READ);
        return campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
    }

    /** Defines the campaign with this id, or replaces its definition. */
    @PutMapping("/{campaignId}")
    CampaignView define(@PathVariable String campaignId,
                        @Valid @RequestBody CampaignRequest request) {
        Actor actor = permissions.require(Action.DEFINE_CAMPAIGN);
        if (!CAMPAIGN_ID.matcher(campaignId).matches()) {
            throw new BadRequest("campaignId", InputRule.CAMPAIGN_ID_FORMAT,
                    "a campaign id is lower-case letters, digits and dashes, e.g. employer-branding-2027");
        }
        try {
            commands.sendAndWait(new DefineCampaignCommand(campaignId, request.name(), request.goal(), request.kpi(),
                    request.startsOn(), request.endsOn(), actor));
        } catch (CampaignPeriodInvalid e) {
            throw new BadRequest("endsOn", InputRule.AFTER_STARTS_ON, e.getMessage());
        }
        CampaignView defined = new CampaignView(campaignId, request.name(), request.goal(), request.kpi(),
                request.startsOn(), request.endsOn(), actor.username());
        // answer once the list shows it, so a client that reloads the list sees its own change
        events.lastSequenceNumberFor(campaignId).ifPresent(version -> progress.awaitVersion(
                CampaignProjection.PROCESSING_GROUP, campaignId, version, () -> campaigns.version(campaignId),
                shown -> shown, Duration.ofSeconds(5)));
        return defined;
    }

    static class CampaignNotFound extends ProblemException {

        CampaignNotFound(String campaignId) {
            super("There is no campaign " + campaignId + ".");
        }

        @Override
        public ProblemDetail problem() {
            return Problems.of(ProblemType.CAMPAIGN_NOT_FOUND, getMessage());
        }
    }
}
