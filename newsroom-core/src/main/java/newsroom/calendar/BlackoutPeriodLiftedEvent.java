package newsroom.calendar;

/** A quiet period was lifted and no longer holds anything back. */
public record BlackoutPeriodLiftedEvent(String blackoutId, String reason, String liftedBy) {
}
