package newsroom.calendar;

/** A blackout period must end after it starts, and a lifted one cannot be lifted again. */
public class BlackoutPeriodInvalid extends RuntimeException {

    public BlackoutPeriodInvalid(String detail) {
        super(detail);
    }
}
