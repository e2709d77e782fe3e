package newsroom.api.storage;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The tracking position of an event of a commit that is not the commit's last: every commit before it, and
 * the commit's events up to {@code eventIndex}. Its {@link #position()} is the commit number, as for the
 * commit's last event, which carries the plain {@code GlobalSequenceTrackingToken(commit)}: "every commit up
 * to this one" (what earlier versions stored for every event of a commit).
 * <p>
 * Why not one token for all events of a commit: a processor whose stream is opened again from the token of an
 * event in the middle of a commit (Axon's event store does that when a processor falls behind its cache of
 * recent events, a processor does it after a failed batch, and a stop can come between two batches) asked for
 * the commits after that one, and never saw the rest of it. Seen in {@code PublishingBenchmark}: of a commit
 * of 14 events, the stories read model kept the first.
 */
public final class MidCommitToken extends GlobalSequenceTrackingToken {

    private static final long serialVersionUID = 1L;

    private final int eventIndex;

    @JsonCreator
    public MidCommitToken(@JsonProperty("globalIndex") long commitNumber, @JsonProperty("eventIndex") int eventIndex) {
        super(commitNumber);
        this.eventIndex = eventIndex;
    }

    /** The index in its commit of the last event this position includes. */
    public int getEventIndex() {
        return eventIndex;
    }

    /** The commit before this one: complete. */
    long completeUpTo() {
        return getGlobalIndex() - 1;
    }

    @Override
    public boolean covers(TrackingToken other) {
        if (other == null) {
            return true;
        }
        if (other instanceof MidCommitToken mid) {
            return mid.getGlobalIndex() < getGlobalIndex()
                    || mid.getGlobalIndex() == getGlobalIndex() && mid.eventIndex <= eventIndex;
        }
        if (other instanceof GlobalSequenceTrackingToken whole) {
            return whole.getGlobalIndex() <= completeUpTo();
        }
        throw new IllegalArgumentException("Incompatible token type: " + other);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        return covers(other) ? other : this;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        return covers(other) ? this : other;
    }

    @Override
    public boolean samePositionAs(TrackingToken other) {
        return equals(other);
    }

    @Override
    public int compareTo(GlobalSequenceTrackingToken other) {
        if (covers(other)) {
            return equals(other) ? 0 : 1;
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MidCommitToken mid && mid.getGlobalIndex() == getGlobalIndex()
                && mid.eventIndex == eventIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getGlobalIndex(), eventIndex);
    }

    @Override
    public String toString() {
        return "MidCommitToken{commit=" + getGlobalIndex() + ", eventIndex=" + eventIndex + "}";
    }
}
