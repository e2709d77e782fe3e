package newsroom.api.calendar;

import newsroom.story.StoryStatus;

/** How far a story's approval has come, as the calendar shows it. */
public enum ApprovalState {
    NOT_SUBMITTED, PENDING, APPROVED, CLOSED;

    static ApprovalState of(StoryStatus status) {
        return switch (status) {
            case PITCHED, IN_PROGRESS -> NOT_SUBMITTED;
            case IN_REVIEW -> PENDING;
            case APPROVED -> APPROVED;
            case DECLINED, KILLED -> CLOSED;
        };
    }
}
