package newsroom.api.publishing;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.ProblemDetail;

/** No channel has this id. Answered 404. */
class ChannelNotFound extends ProblemException {

    ChannelNotFound(String channelId) {
        super("There is no channel " + channelId + ".");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(ProblemType.CHANNEL_NOT_FOUND, getMessage());
    }
}
