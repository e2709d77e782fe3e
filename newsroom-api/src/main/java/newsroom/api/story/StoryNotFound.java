package newsroom.api.story;

import newsroom.api.web.ProblemException;
import newsroom.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** No story has this id. Answered 404. */
public class StoryNotFound extends ProblemException {

    public StoryNotFound(String storyId) {
        super("There is no story " + storyId + ".");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(HttpStatus.NOT_FOUND, "story-not-found", "Story not found", getMessage());
    }
}
