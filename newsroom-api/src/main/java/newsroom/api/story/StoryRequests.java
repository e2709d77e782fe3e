package newsroom.api.story;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import newsroom.story.Audience;
import newsroom.story.Priority;
import newsroom.story.StoryContent;

/** The JSON bodies of story commands. Limits here are input hygiene; workflow rules live in the domain. */
final class StoryRequests {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private StoryRequests() {
    }

    /** The editable content of a story, used to pitch and to edit (an edit replaces the whole content). */
    record ContentRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2_000) String angle,
            @Size(max = 100_000) String body,
            @NotBlank @Size(max = 100) String desk,
            Audience audience,
            @Size(max = 100) String campaign,
            Priority priority,
            Instant embargo,
            @Size(max = 100) String sourceStoryId) {

        StoryContent toContent() {
            return new StoryContent(title.strip(), angle, body, desk.strip(), audience, blankToNull(campaign),
                    priority, embargo, blankToNull(sourceStoryId));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record AcceptRequest(@Size(max = 100) String assignee) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2_000) String reason) {
    }

    record AssignRequest(@NotBlank @Size(max = 100) String assignee) {
    }

    /** @param checklist the guideline checklist items the approver confirms (all of the story's checklist) */
    record ApproveRequest(@Size(max = 100) String step, @Size(max = 50) java.util.List<@Size(max = 200) String> checklist) {

        java.util.Set<String> confirmed() {
            return checklist == null ? java.util.Set.of() : java.util.Set.copyOf(checklist);
        }
    }

    record ChangesRequest(@NotBlank @Size(max = 2_000) String comment) {
    }

    record PlacementRequest(
            @Pattern(regexp = ID_PATTERN) String placementId,
            @NotBlank @Size(max = 100) String channelId,
            @NotNull Instant slot,
            @NotBlank @Size(max = 20_000) String text) {
    }

    record RescheduleRequest(@NotNull Instant slot) {
    }

    record CommentRequest(@NotBlank @Size(max = 5_000) String text) {
    }
}
