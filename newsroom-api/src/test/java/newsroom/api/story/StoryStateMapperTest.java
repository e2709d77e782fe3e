package newsroom.api.story;

import static newsroom.governance.ApprovalPolicy.COMMUNICATIONS;
import static newsroom.governance.ApprovalPolicy.LEGAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.channel.ChannelKind;
import newsroom.governance.ApprovalPolicy;
import newsroom.governance.Delegation;
import newsroom.governance.PolicyStep;
import newsroom.people.Actor;
import newsroom.people.Role;
import newsroom.story.AppliedPolicy;
import newsroom.story.Approval;
import newsroom.story.ApprovalAttestedEvent;
import newsroom.story.ApprovalPoliciesAppliedEvent;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.Audience;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.Circumstances;
import newsroom.story.DraftEditedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PlacementCancelledEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.PlacementPublishedEvent;
import newsroom.story.PlacementRescheduledEvent;
import newsroom.story.PolicyVersion;
import newsroom.story.Priority;
import newsroom.story.Story;
import newsroom.story.StoryActions;
import newsroom.story.Restraints;
import newsroom.story.RestraintsSource;
import newsroom.story.PlacementPausedEvent;
import newsroom.story.PlacementResumedEvent;
import newsroom.story.QuietPeriodOverriddenEvent;
import newsroom.calendar.Blackout;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryContent;
import newsroom.story.StoryEvent;
import newsroom.story.StoryKilledEvent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StoryState;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/**
 * The API decides from the read model, the aggregate from its events: for the same history both must
 * lead every person to the same allowed actions. Each history is folded into a {@link StoryView} the way
 * the projection does and replayed into the aggregate the way Axon does.
 */
class StoryStateMapperTest {

    private static final String STORY = "s-1";
    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant SLOT = Instant.parse("2026-11-27T09:00:00Z");
    private static final StoryContent CONTENT = new StoryContent("Title", "Angle", "Body", "hr", Audience.B2C, null,
            Priority.NORMAL, null, null);
    private static final StoryContent EMBARGOED = new StoryContent("Title", "Angle", "Body 2", "hr", Audience.B2C,
            null, Priority.NORMAL, Instant.parse("2026-11-26T00:00:00Z"), null);
    private static final List<Actor> PEOPLE = List.of(Actor.of("carla", Role.CONTRIBUTOR),
            Actor.of("otto", Role.CONTRIBUTOR), Actor.of("eddie", Role.EDITOR),
            Actor.of("grace", Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS),
            Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups(LEGAL),
            Actor.of("nora", Role.EDITOR, Role.GOVERNANCE_LEAD).inGroups(COMMUNICATIONS),
            Actor.of("ada", Role.ADMIN), Actor.of("victor", Role.VIEWER), Actor.of("olga", Role.AUDITOR),
            Actor.of("leo", Role.CONTRIBUTOR).inGroups(LEGAL));
    /** leo signs legal on lena's behalf throughout. */
    private static final List<Delegation> DELEGATIONS = List.of(new Delegation("d1", "lena", "leo", LEGAL,
            AT.minusSeconds(3600), SLOT.plusSeconds(3600)));
    private static final Map<String, Actor> DELEGATORS = Map.of("lena",
            Actor.of("lena", Role.GOVERNANCE_LEAD).inGroups(LEGAL));
    private static final ApprovalPolicy POLICY = ApprovalPolicy.standard();
    private static final AggregateModel<Story> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Story.class,
            MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Story.class),
                    new SimpleResourceParameterResolverFactory(Set.of(POLICY, RestraintsSource.none()))));
    /** Placements are planned on channel "li-channel" etc.; the quiet period holds that one around SLOT. */
    private static final Blackout QUIET = new Blackout("q-1", "Results", Set.of("li-channel"), SLOT.minusSeconds(60),
            SLOT.plusSeconds(86_400));
    private static final List<Restraints> SITUATIONS = List.of(Restraints.NONE, new Restraints("crisis-1", List.of()),
            new Restraints(null, List.of(QUIET)));

    @Test
    void theReadModelAndTheAggregateOfferTheSameActionsAfterEveryEvent() {
        for (Map.Entry<String, List<Object>> history : histories().entrySet()) {
            List<Object> events = history.getValue();
            for (int length = 1; length <= events.size(); length++) {
                List<Object> prefix = events.subList(0, length);
                StoryState fromAggregate = aggregateStateAfter(prefix);
                StoryState fromView = StoryStateMapper.stateOf(viewAfter(prefix));
                for (Actor person : PEOPLE) {
                    for (Instant now : List.of(AT, SLOT)) {
                        for (Restraints situation : SITUATIONS) {
                            Circumstances circumstances = new Circumstances(now, POLICY, DELEGATIONS, DELEGATORS, situation);
                            assertThat(StoryActions.allowedFor(fromView, person, circumstances))
                                    .as("%s after %d events, %s at %s in %s", history.getKey(), length, person, now,
                                            situation)
                                    .isEqualTo(StoryActions.allowedFor(fromAggregate, person, circumstances));
                        }
                    }
                }
                assertThat(fromView.status()).isEqualTo(fromAggregate.status());
                assertThat(fromView.grants()).isEqualTo(fromAggregate.grants());
                assertThat(fromView.placements()).isEqualTo(fromAggregate.placements());
                assertThat(fromView.review()).isEqualTo(fromAggregate.review());
                assertThat(fromView.quietPeriodOverrides()).isEqualTo(fromAggregate.quietPeriodOverrides());
            }
        }
    }

    private static Map<String, List<Object>> histories() {
        Approval comms = new Approval(COMMUNICATIONS, "grace", 3);
        Approval legal = new Approval(LEGAL, "lena", 3);
        List<Object> inReview = List.of(
                new StoryPitchedEvent(STORY, CONTENT, "carla", AT),
                new PitchAcceptedEvent(STORY, "eddie", "otto"),
                planned("press", ChannelKind.PRESS_RELEASE, Set.of(COMMUNICATIONS, LEGAL), 2),
                planned("li", ChannelKind.SOCIAL, Set.of(COMMUNICATIONS), 3),
                new StorySubmittedEvent(STORY, "otto", 3, Set.of(COMMUNICATIONS, LEGAL)),
                new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "grace", 3, Set.of(LEGAL)));
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        histories.put("approved and published", with(inReview,
                new ApprovalGrantedEvent(STORY, LEGAL, "lena", 3, Set.of()),
                new StoryApprovedEvent(STORY, 3, List.of(comms, legal)),
                new PlacementRescheduledEvent(STORY, "li", SLOT, SLOT.plusSeconds(3600), "eddie"),
                new PlacementPublishedEvent(STORY, "press", "press-release", "eddie", AT, 3, List.of(comms, legal)),
                new PlacementPublishedEvent(STORY, "li", "linkedin", "eddie", AT, 3, List.of(comms))));
        histories.put("sent back, edited by nora, resubmitted", with(inReview,
                new ChangesRequestedEvent(STORY, "lena", "shorter", 3),
                new DraftEditedEvent(STORY, EMBARGOED, "nora", 4),
                new StorySubmittedEvent(STORY, "otto", 4, Set.of(COMMUNICATIONS, LEGAL))));
        histories.put("press release cancelled in review, then withdrawn", with(inReview,
                new PlacementCancelledEvent(STORY, "press", "too slow", "eddie"),
                new ApprovalWithdrawnEvent(STORY, "the draft was edited", 3, List.of(comms), "eddie")));
        List<AppliedPolicy> applied = List.of(
                new AppliedPolicy("press-release", 2, "Press release",
                        List.of(new PolicyStep(COMMUNICATIONS, 2), new PolicyStep(LEGAL, 1)), List.of("Rights cleared"),
                        List.of("press")),
                new AppliedPolicy("default", 1, "Default", List.of(new PolicyStep(COMMUNICATIONS, 1)), List.of(),
                        List.of("li")));
        List<PolicyVersion> versions = List.of(new PolicyVersion("press-release", 2), new PolicyVersion("default", 1));
        histories.put("under versioned policies: two communications signatures, legal by a delegate", with(
                inReview.subList(0, 5),
                new ApprovalPoliciesAppliedEvent(STORY, 3, applied),
                new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "grace", 3, Set.of(COMMUNICATIONS, LEGAL)),
                new ApprovalAttestedEvent(STORY, COMMUNICATIONS, "grace", null, null, 3, versions, List.of("Rights cleared")),
                new ApprovalGrantedEvent(STORY, LEGAL, "leo", 3, Set.of(COMMUNICATIONS)),
                new ApprovalAttestedEvent(STORY, LEGAL, "leo", "lena", "d1", 3, versions, List.of("Rights cleared")),
                new ApprovalGrantedEvent(STORY, COMMUNICATIONS, "nora", 3, Set.of()),
                new ApprovalAttestedEvent(STORY, COMMUNICATIONS, "nora", null, null, 3, versions, List.of("Rights cleared")),
                new StoryApprovedEvent(STORY, 3, List.of(comms, new Approval(LEGAL, "leo", 3),
                        new Approval(COMMUNICATIONS, "nora", 3)))));
        histories.put("approved, paused by a crisis, one resumed, one overridden for a quiet period", with(inReview,
                new ApprovalGrantedEvent(STORY, LEGAL, "lena", 3, Set.of()),
                new StoryApprovedEvent(STORY, 3, List.of(comms, legal)),
                new QuietPeriodOverriddenEvent(STORY, "li", "q-1", "Results", "agreed", "grace", AT),
                new PlacementPausedEvent(STORY, "press", "crisis-1", "incident", "grace", AT),
                new PlacementPausedEvent(STORY, "li", "crisis-1", "incident", "grace", AT),
                new PlacementResumedEvent(STORY, "li", "all clear", "eddie", AT)));
        histories.put("killed", with(inReview, new StoryKilledEvent(STORY, "incident", "eddie", List.of("press", "li"))));
        return histories;
    }

    private static PlacementPlannedEvent planned(String id, ChannelKind kind, Set<String> steps, long contentVersion) {
        return new PlacementPlannedEvent(STORY, id, id + "-channel", id, kind, steps, SLOT, "text", "eddie",
                contentVersion);
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> longer = new ArrayList<>(history);
        longer.addAll(List.of(more));
        return longer;
    }

    private static StoryView viewAfter(List<Object> events) {
        StoryView view = null;
        long sequence = 0;
        for (Object event : events) {
            view = StoryViewUpdater.apply(view, (StoryEvent) event, sequence++, AT);
        }
        return view;
    }

    private static StoryState aggregateStateAfter(List<Object> events) {
        Story story = newStory();
        events.forEach(event -> MODEL.publish(GenericEventMessage.asEventMessage(event), story));
        return story.state();
    }

    private static Story newStory() {
        try {
            var constructor = Story.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
