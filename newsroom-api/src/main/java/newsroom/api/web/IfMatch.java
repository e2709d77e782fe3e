package newsroom.api.web;

/**
 * Story versions as HTTP entity tags: the ETag of a story at version 7 is {@code "7"}; a command sent
 * with {@code If-Match: "7"} is refused with 409 if the story has moved on.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version from an If-Match header; null when absent (no check). */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new BadRequest("If-Match", InputRule.STORY_VERSION,
                    "If-Match must be a story version as given in the ETag, e.g. \"3\"; got " + ifMatch);
        }
    }
}
