package newsroom.story;

/** The workflow state of a story (see DOMAIN.md). */
public enum StoryStatus {
    PITCHED,
    IN_PROGRESS,
    IN_REVIEW,
    APPROVED,
    DECLINED,
    KILLED;

    /** Killed and declined stories refuse every change. */
    public boolean isClosed() {
        return this == DECLINED || this == KILLED;
    }
}
