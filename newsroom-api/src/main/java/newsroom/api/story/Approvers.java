package newsroom.api.story;

import newsroom.api.people.UserDirectory;
import newsroom.story.StoryActions;
import org.springframework.stereotype.Component;

/** Who may approve now, as the domain decides: for checks that know a username only (the approval topic). */
@Component
public class Approvers {

    private final StoryAnswers answers;
    private final UserDirectory directory;

    Approvers(StoryAnswers answers, UserDirectory directory) {
        this.answers = answers;
        this.directory = directory;
    }

    /** A governance lead, or someone signing under a delegation in force; false for a disabled or unknown account. */
    public boolean mayApprove(String username) {
        return directory.enabledActor(username)
                .map(actor -> StoryActions.mayApprove(actor, answers.circumstancesFor(actor))).orElse(false);
    }
}
