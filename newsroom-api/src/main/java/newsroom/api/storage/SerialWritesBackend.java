package newsroom.api.storage;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend with one write at a time. Two reasons:
 * <ul>
 * <li>mongo-java-server checks unique indexes and then inserts without holding a lock across both, so two
 * concurrent inserts of the same key could both pass; serialised writes make a unique index, and an
 * update of one document, as atomic as on a real MongoDB;</li>
 * <li>the store file must only be written between two commands: a flush holds the same lock, so the file
 * never holds half a command (a document without its index entry, part of a batch insert).</li>
 * </ul>
 * Reads take no lock: the store gives each read a consistent snapshot of its map. (The MongoDB driver sends
 * every command as an OP_MSG message, so this is the one door every write comes through.)
 */
final class SerialWritesBackend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private final ReentrantLock writes;

    SerialWritesBackend(MVStore store, ReentrantLock writes) {
        super(store);
        this.writes = writes;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        if (!WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleMessage(message);
        }
        writes.lock();
        try {
            return super.handleMessage(message);
        } finally {
            writes.unlock();
        }
    }
}
