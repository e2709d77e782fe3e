package newsroom.story;

import static newsroom.governance.ApprovalPolicy.COMMUNICATIONS;
import static newsroom.governance.ApprovalPolicy.LEGAL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.calendar.Blackout;
import newsroom.channel.Channel;
import newsroom.channel.ChannelKind;
import newsroom.governance.Delegation;
import newsroom.governance.PolicyStep;
import newsroom.governance.ApprovalPolicy;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Stories in every state the workflow knows, as event histories, and the people who may look at them:
 * the test data for checking {@link StoryActions} against the aggregate.
 */
final class StoryHistories {

    static final String STORY = "story-1";
    /** When the decisions are taken and placements published. */
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Instant PITCHED_AT = Instant.parse("2026-11-23T08:30:00Z");
    static final Instant THURSDAY_14 = Instant.parse("2026-11-26T14:00:00Z");
    static final Instant FRIDAY_09 = Instant.parse("2026-11-27T09:00:00Z");
    /** Before {@link #NOW}: a slot that has passed. */
    static final Instant TUESDAY_09 = Instant.parse("2026-11-24T09:00:00Z");

    static final Actor CARLA = Actor.of("carla", Role.CONTRIBUTOR);
    static final Actor OTTO = Actor.of("otto", Role.CONTRIBUTOR).inGroups("hr");
    static final Actor ERIK = Actor.of("erik", Role.EDITOR);
    /** Head of communications: signs the communications step. */
    static final Actor GINA = Actor.of("gina", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
    /** Legal counsel: signs the legal step. */
    static final Actor LENA = Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups(LEGAL);
    /** A managing editor who also approves for communications. */
    static final Actor NORA = Actor.of("nora", Role.EDITOR, Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS);
    /** A governance lead in both groups: may sign either step, but not both of one version. */
    static final Actor LEX = Actor.of("lex", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS, LEGAL);
    /** A governance lead of a group that signs no step of the standard policy. */
    static final Actor BRUNO = Actor.of("bruno", Role.GOVERNANCE_LEAD).inGroups("brand");
    static final Actor ADA = Actor.of("ada", Role.ADMIN);
    static final Actor VICTOR = Actor.of("victor", Role.VIEWER);
    static final Actor OLGA = Actor.of("olga", Role.AUDITOR);
    /** The pitcher of most histories, had she also been a communications lead. */
    static final Actor CARLA_AS_LEAD = Actor.of("carla", Role.CONTRIBUTOR, Role.GOVERNANCE_LEAD)
            .inGroups(COMMUNICATIONS);

    /** In the legal group without the governance lead role: signs legal only under lena's delegation. */
    static final Actor LEO = Actor.of("leo", Role.CONTRIBUTOR).inGroups(LEGAL);
    /** lena's delegation of legal signing to leo, in force at {@link #NOW}. */
    static final List<Delegation> DELEGATIONS = List.of(new Delegation("d-1", LENA.username(), LEO.username(), LEGAL,
            NOW.minusSeconds(86_400), NOW.plusSeconds(86_400)));
    /** The delegators of {@link #DELEGATIONS} as their accounts stand. */
    static final Map<String, Actor> DELEGATORS = Map.of(LENA.username(), LENA);
    static final List<String> GUIDELINES = List.of("No forward-looking financial statements", "Image rights cleared");
    static final List<Actor> PEOPLE = List.of(CARLA, OTTO, ERIK, GINA, LENA, NORA, LEX, BRUNO, ADA, VICTOR, OLGA, LEO,
            CARLA_AS_LEAD);

    static final Channel PRESS = new Channel("press-release", "Press release", ChannelKind.PRESS_RELEASE);
    static final Channel LINKEDIN = new Channel("linkedin", "LinkedIn", ChannelKind.SOCIAL);

    static final StoryContent CONTENT = new StoryContent("Apprentices build the robot cell",
            "Young talent on the shop floor", "Draft body", "hr", Audience.B2C, "employer-branding-2027",
            Priority.HIGH, null, null);
    /** Embargoed until after {@link #NOW}: nothing may go out yet. */
    static final StoryContent EMBARGOED = new StoryContent(CONTENT.title(), CONTENT.angle(), "Embargoed body", "hr",
            Audience.B2C, null, Priority.NORMAL, THURSDAY_14, null);

    private StoryHistories() {
    }

    static StoryPitchedEvent pitchedBy(Actor actor) {
        return new StoryPitchedEvent(STORY, CONTENT, actor.username(), PITCHED_AT);
    }

    static PitchAcceptedEvent acceptedFor(Actor assignee) {
        return new PitchAcceptedEvent(STORY, ERIK.username(), assignee == null ? null : assignee.username());
    }

    static PlacementPlannedEvent plannedPress(long contentVersion) {
        return new PlacementPlannedEvent(STORY, "p-press", PRESS.id(), PRESS.name(), PRESS.kind(),
                Set.of(COMMUNICATIONS, LEGAL), THURSDAY_14, "Press text", ERIK.username(), contentVersion);
    }

    static PlacementPlannedEvent plannedLinkedIn(long contentVersion) {
        return new PlacementPlannedEvent(STORY, "p-li", LINKEDIN.id(), LINKEDIN.name(), LINKEDIN.kind(),
                Set.of(COMMUNICATIONS), FRIDAY_09, "LinkedIn text", ERIK.username(), contentVersion);
    }

    static StorySubmittedEvent submitted(long contentVersion, String... steps) {
        return new StorySubmittedEvent(STORY, ERIK.username(), contentVersion, Set.of(steps));
    }

    static ApprovalGrantedEvent granted(String step, Actor approver, long contentVersion, String... stillPending) {
        return new ApprovalGrantedEvent(STORY, step, approver.username(), contentVersion, Set.of(stillPending));
    }

    static StoryApprovedEvent approved(long contentVersion, Approval... approvals) {
        return new StoryApprovedEvent(STORY, contentVersion, List.of(approvals));
    }

    static PlacementPublishedEvent published(String placementId, String channelId, Approval... approvals) {
        return new PlacementPublishedEvent(STORY, placementId, channelId, ERIK.username(), NOW, 3, List.of(approvals));
    }

    /** Named histories covering every workflow state, the approval stages and the placement states. */
    static Map<String, List<Object>> all() {
        Approval comms = new Approval(COMMUNICATIONS, GINA.username(), 3);
        Approval legal = new Approval(LEGAL, LENA.username(), 3);
        List<Object> planned = List.of(pitchedBy(CARLA), acceptedFor(OTTO), plannedPress(2), plannedLinkedIn(3));
        List<Object> inReview = with(planned, submitted(3, COMMUNICATIONS, LEGAL));
        List<Object> halfApproved = with(inReview, granted(COMMUNICATIONS, GINA, 3, LEGAL));
        List<Object> approved = with(halfApproved, granted(LEGAL, LENA, 3), approved(3, comms, legal));
        List<Object> pressOut = with(approved, published("p-press", PRESS.id(), comms, legal));

        Map<String, List<Object>> histories = new LinkedHashMap<>();
        histories.put("a pitch", List.of(pitchedBy(CARLA)));
        histories.put("a declined pitch", List.of(pitchedBy(CARLA),
                new PitchDeclinedEvent(STORY, ERIK.username(), "off-strategy")));
        histories.put("accepted, assigned to otto", List.of(pitchedBy(CARLA), acceptedFor(OTTO)));
        histories.put("accepted, nobody assigned", List.of(pitchedBy(CARLA), acceptedFor(null)));
        histories.put("two placements planned", planned);
        histories.put("in review, nothing approved", inReview);
        histories.put("in review, communications approved by gina", halfApproved);
        histories.put("approved", approved);
        histories.put("approved, the press release published", pressOut);
        histories.put("the press release's delivery failed", with(pressOut, new PlacementDeliveryFailedEvent(STORY,
                "p-press", PRESS.id(), "d-press", 8, "HTTP 503", NOW)));
        histories.put("the press release delivered", with(pressOut, new PlacementDeliveredEvent(STORY, "p-press",
                "d-press", 1, NOW)));
        histories.put("every placement published", with(pressOut, published("p-li", LINKEDIN.id(), comms)));
        histories.put("approved, the press release cancelled", with(approved,
                new PlacementCancelledEvent(STORY, "p-press", "moved", ERIK.username())));
        histories.put("killed", with(planned, new StoryKilledEvent(STORY, "plant incident", ERIK.username(),
                List.of("p-press", "p-li"))));
        histories.put("sent back for changes", with(halfApproved,
                new ChangesRequestedEvent(STORY, LENA.username(), "Tone it down", 3)));
        histories.put("in review, nora last edited it", List.of(pitchedBy(CARLA), acceptedFor(OTTO),
                plannedLinkedIn(2), new DraftEditedEvent(STORY, EMBARGOED, NORA.username(), 3),
                submitted(3, COMMUNICATIONS)));
        histories.put("pitched by gina, in review", List.of(pitchedBy(GINA), acceptedFor(null), plannedLinkedIn(2),
                submitted(2, COMMUNICATIONS)));
        histories.put("in review without placements", List.of(pitchedBy(CARLA), acceptedFor(OTTO),
                submitted(1, COMMUNICATIONS)));
        histories.put("in review, press release cancelled before legal signed", with(halfApproved,
                new PlacementCancelledEvent(STORY, "p-press", "legal too slow", ERIK.username())));
        Approval embargoedComms = new Approval(COMMUNICATIONS, GINA.username(), 3);
        histories.put("approved but embargoed until Thursday", List.of(pitchedBy(CARLA), acceptedFor(OTTO),
                new DraftEditedEvent(STORY, EMBARGOED, ERIK.username(), 2), plannedLinkedIn(3),
                submitted(3, COMMUNICATIONS), granted(COMMUNICATIONS, GINA, 3), approved(3, embargoedComms)));
        // under versioned policies: the press release needs two communications signatures and a checklist
        List<Object> governed = with(inReview, new ApprovalPoliciesAppliedEvent(STORY, 3, List.of(
                new AppliedPolicy("press-release", 2, "Press release", List.of(new PolicyStep(COMMUNICATIONS, 2),
                        new PolicyStep(LEGAL, 1)), GUIDELINES, List.of("p-press")),
                new AppliedPolicy("default", 1, "Default", List.of(new PolicyStep(COMMUNICATIONS, 1)), List.of(),
                        List.of("p-li")))));
        histories.put("in review under versioned policies", governed);
        List<Object> oneOfTwo = with(governed, granted(COMMUNICATIONS, GINA, 3, COMMUNICATIONS, LEGAL));
        histories.put("versioned policies, one of two communications signatures", oneOfTwo);
        histories.put("versioned policies, legal signed by leo for lena", with(oneOfTwo,
                granted(LEGAL, LEO, 3, COMMUNICATIONS)));
        histories.put("approved, both placements paused by a crisis", with(approved, paused("p-press"), paused("p-li")));
        histories.put("approved, the press release paused, LinkedIn resumed", with(approved, paused("p-press"),
                paused("p-li"), new PlacementResumedEvent(STORY, "p-li", "all clear", GINA.username(), NOW)));
        histories.put("approved, LinkedIn overridden for the results quiet period", with(approved,
                new QuietPeriodOverriddenEvent(STORY, "p-li", RESULTS.blackoutId(), RESULTS.name(), "long planned",
                        GINA.username(), NOW)));
        histories.put("approved, an early post paused and its slot passed", List.of(pitchedBy(CARLA), acceptedFor(OTTO),
                new PlacementPlannedEvent(STORY, "p-early", LINKEDIN.id(), LINKEDIN.name(), LINKEDIN.kind(),
                        Set.of(COMMUNICATIONS), TUESDAY_09, "Early text", ERIK.username(), 2),
                submitted(2, COMMUNICATIONS), granted(COMMUNICATIONS, GINA, 2),
                approved(2, new Approval(COMMUNICATIONS, GINA.username(), 2)), paused("p-early")));
        return histories;
    }

    static PlacementPausedEvent paused(String placementId) {
        return new PlacementPausedEvent(STORY, placementId, "crisis-1", "plant incident", GINA.username(), NOW);
    }

    /** A quiet period on LinkedIn around Friday 09:00. */
    static final Blackout RESULTS = new Blackout("q-results", "Results", Set.of(LINKEDIN.id()),
            FRIDAY_09.minusSeconds(3600), FRIDAY_09.plusSeconds(86_400));
    /** A quiet period on every channel right now. */
    static final Blackout PLANT_TOUR = new Blackout("q-tour", "Plant tour", Set.of(), NOW.minusSeconds(3600),
            NOW.plusSeconds(3600));

    /** The newsroom-wide situations the histories are checked in. */
    static Map<String, Restraints> restraints() {
        Map<String, Restraints> all = new LinkedHashMap<>();
        all.put("no crisis, no quiet period", Restraints.NONE);
        all.put("crisis mode on", new Restraints("crisis-1", List.of()));
        all.put("quiet periods on LinkedIn and right now", new Restraints(null, List.of(RESULTS, PLANT_TOUR)));
        return all;
    }

    /** The content a history ends with (all histories use one of two). */
    static StoryContent contentAfter(List<Object> history) {
        StoryContent content = ((StoryPitchedEvent) history.get(0)).content();
        for (Object event : history) {
            if (event instanceof DraftEditedEvent edited) {
                content = edited.content();
            }
        }
        return content;
    }

    private static final AggregateModel<Story> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Story.class,
            MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Story.class),
                    new SimpleResourceParameterResolverFactory(Set.of(ApprovalPolicy.standard(), RestraintsSource.none()))));

    /** The aggregate's state after the history, replayed by Axon's own event-sourcing dispatch. */
    static StoryState stateAfter(List<Object> history) {
        Story story = new Story();
        history.forEach(event -> MODEL.publish(GenericEventMessage.asEventMessage(event), story));
        return story.state();
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> longer = new ArrayList<>(history);
        longer.addAll(List.of(more));
        return List.copyOf(longer);
    }
}
