package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import newsroom.channel.ChannelKind;
import newsroom.story.Approval;
import newsroom.story.ApprovalGrantedEvent;
import newsroom.story.ApprovalWithdrawnEvent;
import newsroom.story.Audience;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.DraftEditedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PlacementCancelledEvent;
import newsroom.story.PlacementPlannedEvent;
import newsroom.story.Priority;
import newsroom.story.StoryApprovedEvent;
import newsroom.story.StoryContent;
import newsroom.story.StoryEvent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StorySubmittedEvent;
import org.junit.jupiter.api.Test;

class StoryViewUpdaterTest {

    private static final Instant AT = Instant.parse("2027-03-01T08:00:00Z");
    private StoryView view;
    private long seq = -1;

    private void apply(StoryEvent event) {
        seq++;
        view = StoryViewUpdater.apply(view, event, seq, AT.plusSeconds(seq));
    }

    private static StoryContent content(String title, String body) {
        return new StoryContent(title, "Why it matters", body, "HR", Audience.B2C, null, Priority.NORMAL, null, null);
    }

    private void approvedStory() {
        apply(new StoryPitchedEvent("s1", content("Robots", "Draft"), "carla", AT));
        apply(new PitchAcceptedEvent("s1", "eddie", "carla"));
        apply(new PlacementPlannedEvent("s1", "press", "press-release", "Press release", ChannelKind.PRESS_RELEASE,
                Set.of("communications"), AT.plusSeconds(86_400), "PRESS: robots", "eddie", 2));
        apply(new PlacementPlannedEvent("s1", "x", "x", "X", ChannelKind.SOCIAL, Set.of("communications"),
                AT.plusSeconds(90_000), "Robots!", "eddie", 3));
        apply(new PlacementCancelledEvent("s1", "x", "not needed", "eddie"));
        apply(new StorySubmittedEvent("s1", "carla", 3, Set.of("communications")));
        apply(new ApprovalGrantedEvent("s1", "communications", "grace", 3, Set.of()));
        apply(new StoryApprovedEvent("s1", 3, List.of(new Approval("communications", "grace", 3))));
    }

    @Test
    void theApprovedContentIsKeptWithThePlacementsThatWereNotCancelled() {
        approvedStory();

        StoryView.ApprovedContent approved = view.lastApprovedContent;
        assertThat(approved.contentVersion()).isEqualTo(3);
        assertThat(approved.title()).isEqualTo("Robots");
        assertThat(approved.angle()).isEqualTo("Why it matters");
        assertThat(approved.body()).isEqualTo("Draft");
        assertThat(approved.placements()).containsExactly(
                new StoryView.ApprovedPlacement("press", "press-release", "Press release", "PRESS: robots"));
    }

    @Test
    void aStoryNeverApprovedHasNoApprovedContent() {
        apply(new StoryPitchedEvent("s1", content("Robots", "Draft"), "carla", AT));
        apply(new PitchAcceptedEvent("s1", "eddie", "carla"));
        apply(new StorySubmittedEvent("s1", "carla", 1, Set.of("communications")));

        assertThat(view.lastApprovedContent).isNull();
    }

    @Test
    void theApprovedContentOutlivesAWithdrawnApprovalAndChangesRequestedUntilTheNextApproval() {
        approvedStory();
        StoryView.ApprovedContent firstApproval = view.lastApprovedContent;

        apply(new DraftEditedEvent("s1", content("Robots, revised", "Second draft"), "carla", 4));
        apply(new ApprovalWithdrawnEvent("s1", "the draft was edited", 3,
                List.of(new Approval("communications", "grace", 3)), "carla"));
        assertThat(view.lastApprovedContent).isEqualTo(firstApproval);

        apply(new StorySubmittedEvent("s1", "carla", 4, Set.of("communications")));
        apply(new ChangesRequestedEvent("s1", "grace", "Shorter, please", 4));
        assertThat(view.lastApprovedContent).isEqualTo(firstApproval);
        assertThat(view.body).isEqualTo("Second draft");

        apply(new StorySubmittedEvent("s1", "carla", 4, Set.of("communications")));
        apply(new ApprovalGrantedEvent("s1", "communications", "lena", 4, Set.of()));
        apply(new StoryApprovedEvent("s1", 4, List.of(new Approval("communications", "lena", 4))));
        assertThat(view.lastApprovedContent.contentVersion()).isEqualTo(4);
        assertThat(view.lastApprovedContent.body()).isEqualTo("Second draft");
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        approvedStory();
        long version = view.version;
        StoryView.ApprovedContent approved = view.lastApprovedContent;

        view = StoryViewUpdater.apply(view, new DraftEditedEvent("s1", content("Late", "Late"), "carla", 9), version,
                AT);

        assertThat(view.version).isEqualTo(version);
        assertThat(view.title).isEqualTo("Robots");
        assertThat(view.lastApprovedContent).isEqualTo(approved);
    }
}
