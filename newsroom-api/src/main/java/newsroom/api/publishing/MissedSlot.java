package newsroom.api.publishing;

/** What happens to a placement whose slot passed while no server was running (a per-channel setting). */
public enum MissedSlot {
    /** Publish it as soon as a server runs again, marked late. */
    PUBLISH_LATE,
    /** Leave it to an editor: it is held, the editors are notified, and it goes out when one publishes or reschedules it. */
    HOLD
}
