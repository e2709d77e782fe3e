package newsroom.api.story;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.ProblemDetail;

/** No story has this id. Answered 404. */
public class StoryNotFound extends ProblemException {

    public StoryNotFound(String storyId) {
        super("There is no story " + storyId + ".");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(ProblemType.STORY_NOT_FOUND, getMessage());
    }
}
