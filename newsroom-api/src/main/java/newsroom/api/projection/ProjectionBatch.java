package newsroom.api.projection;

import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection work per batch of events instead of per event. A tracking processor hands its
 * events over in batches (one unit of work each); a projection keeps what it loaded and changed in the
 * batch ({@link #current}) and writes it once, when it handles the batch's last event
 * ({@link #atLastEvent}). That is before the processor stores its token, so a crash loses nothing: the
 * batch is handled again, and the projections are idempotent. Outside a processor (a unit test calling
 * a handler) each event is a batch of its own.
 */
public final class ProjectionBatch {

    private ProjectionBatch() {
    }

    /** The projection's state for the batch being handled, created on its first event. */
    public static <B> B current(String key, Supplier<B> create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return create.get();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(key, name -> create.get());
    }

    /** Whether the event being handled is the last of its batch: time to write and announce. */
    public static boolean atLastEvent() {
        if (!CurrentUnitOfWork.isStarted()) {
            return true;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
    }
}
