package newsroom.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A campaign: the business goal stories serve. Defining it again replaces its definition. */
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private CampaignDefinedEvent definition;

    protected Campaign() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineCampaignCommand command) {
        if (command.startsOn() != null && command.endsOn() != null && command.endsOn().isBefore(command.startsOn())) {
            throw new CampaignPeriodInvalid("the campaign ends on " + command.endsOn() + ", before it starts on "
                    + command.startsOn());
        }
        CampaignDefinedEvent defined = new CampaignDefinedEvent(command.campaignId(), command.name(), command.goal(),
                command.kpi(), command.startsOn(), command.endsOn(), command.definedBy().username());
        if (definition != null && sameDefinition(definition, defined)) {
            return; // nothing changed
        }
        apply(defined);
    }

    private static boolean sameDefinition(CampaignDefinedEvent a, CampaignDefinedEvent b) {
        return a.equals(new CampaignDefinedEvent(b.campaignId(), b.name(), b.goal(), b.kpi(), b.startsOn(), b.endsOn(),
                a.definedBy()));
    }

    @EventSourcingHandler
    void on(CampaignDefinedEvent event) {
        campaignId = event.campaignId();
        definition = event;
    }
}
