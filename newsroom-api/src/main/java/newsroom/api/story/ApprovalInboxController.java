package newsroom.api.story;

import java.util.List;

import newsroom.api.security.Permissions;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.story.StoryStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval inbox: the stories in review with a step the caller may sign now. Which steps those are
 * the domain decides ({@link StoryAnswers} → {@code StoryActions}); nothing is checked here twice.
 */
@RestController
class ApprovalInboxController {

    private static final int MAX_IN_REVIEW = 500;

    private final StoryRepository stories;
    private final Permissions permissions;
    private final StoryAnswers answers;

    ApprovalInboxController(StoryRepository stories, Permissions permissions, StoryAnswers answers) {
        this.stories = stories;
        this.permissions = permissions;
        this.answers = answers;
    }

    @GetMapping("/api/approvals/inbox")
    List<StoryAnswer> inbox() {
        Actor actor = answers.approver(); // a governance lead, or a member signing under a delegation
        // only a story in review has steps to sign; the query narrows to those, the domain decides
        return answers.forCaller(stories.list(StoryStatus.IN_REVIEW, null, null, MAX_IN_REVIEW), actor).stream()
                .filter(story -> !story.approvableSteps().isEmpty())
                .toList();
    }
}
