package newsroom.story;

/** The command names a placement the story does not have. */
public class PlacementNotFound extends RuntimeException {

    public PlacementNotFound(String storyId, String placementId) {
        super("story " + storyId + " has no placement " + placementId);
    }
}
