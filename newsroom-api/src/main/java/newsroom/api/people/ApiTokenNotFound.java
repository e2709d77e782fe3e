package newsroom.api.people;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.ProblemDetail;

/** There is no API token with this id (among the tokens asked about). Answered 404. */
public class ApiTokenNotFound extends ProblemException {

    public ApiTokenNotFound(String tokenId) {
        super("There is no API token '" + tokenId + "' here.");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(ProblemType.API_TOKEN_NOT_FOUND, getMessage());
    }
}
