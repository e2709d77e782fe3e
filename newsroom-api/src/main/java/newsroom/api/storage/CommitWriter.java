package newsroom.api.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;

/**
 * Writes commits for many concurrent appenders at once and numbers them densely.
 * <p>
 * Appenders put their commit into a queue. One of them at a time is the <em>leader</em>: it writes
 * everything queued (not only its own commit) as one ordered {@code insertMany} with consecutive commit
 * numbers, hands the lead on, and then makes its batch durable ({@link Durability}: on the embedded store
 * one file write and fsync, shared by every batch waiting at that moment) and wakes the batch's appenders.
 * Meanwhile the next appenders queue up, and one whose commit was not in a batch yet becomes the next
 * leader and inserts everything queued by then while the previous batch is being synced. So under load one
 * insert and one flush serve many commands, and no commit is reported stored before it is durable.
 * (Followers wait on a monitor rather than on the leader's lock: handing a lock from one finished appender
 * to the next made them return one by one and cut the batches short.)
 * <p>
 * Ordered inserts stop at the first failure, so what is stored of a batch is always a prefix of it:
 * commit N+1 is only written after N was, and a crash never leaves a hole that a tracker would wait on
 * forever. A failed commit is either a conflict (another commit already has its {@code aggregateKey}:
 * {@link ConcurrencyException}, its number is given to the next one) or lost its number to another
 * node (it gets a number after the new head). Its successors are written in the next round.
 */
final class CommitWriter {

    /** Commits per insert: large enough to amortise a round trip, small enough for one message. */
    static final int MAX_BATCH = 256;
    private static final int MAX_ROUNDS = 1_000;

    private final MongoCollection<Document> commits;
    private final CommitNumbers numbers;
    private final Durability durability;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Object monitor = new Object();
    /** Whether an appender is writing a batch; guarded by {@link #monitor}. */
    private boolean leading;

    CommitWriter(MongoCollection<Document> commits, CommitNumbers numbers, Durability durability) {
        this.commits = commits;
        this.numbers = numbers;
        this.durability = durability;
    }

    /** One appender's commit and what became of it, written by the leader that wrote it. */
    private static final class Pending {
        final Document commit;
        /** Inserted by a leader, not yet durable: its appender waits rather than leads. */
        volatile boolean stored;
        volatile boolean settled;
        RuntimeException failure;

        Pending(Document commit) {
            this.commit = commit;
        }

        void stored() {
            stored = true;
        }

        void durable() {
            settled = true;
        }

        void failed(RuntimeException e) {
            failure = e;
            settled = true; // first, so its appender never sees it neither stored nor settled
            stored = false;
        }
    }

    /**
     * Stores the commit with the next free number (set as its {@code _id}); returns once it is durable.
     *
     * @throws ConcurrencyException if a commit with the same {@code aggregateKey} exists
     */
    void write(Document commit) {
        Pending pending = new Pending(commit);
        queue.add(pending);
        while (!pending.settled) {
            if (becameLeader(pending)) {
                List<Pending> inserted;
                try {
                    inserted = insertQueued();
                } finally {
                    synchronized (monitor) {
                        leading = false;
                        monitor.notifyAll();
                    }
                }
                makeDurable(inserted); // no longer leading: the next batch is inserted while this one syncs
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            }
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
    }

    /**
     * Waits until the commit is settled, or until nobody leads and this appender may (its commit is still
     * queued: not in a batch that is being inserted or synced).
     */
    private boolean becameLeader(Pending pending) {
        synchronized (monitor) {
            while ((leading || pending.stored) && !pending.settled) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a commit to be written", e);
                }
            }
            if (pending.settled) {
                return false;
            }
            leading = true;
            return true;
        }
    }

    /** Inserts what is queued; returns the commits that were stored (and now wait to be made durable). */
    private List<Pending> insertQueued() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        try {
            insertInOrder(batch);
        } catch (RuntimeException e) {
            // the outcome of the unsettled ones is unknown (e.g. the connection broke): report, re-read the head
            numbers.forget();
            batch.stream().filter(pending -> !pending.settled && !pending.stored).forEach(pending -> pending.failed(e));
        }
        return batch.stream().filter(pending -> pending.stored).toList();
    }

    private void makeDurable(List<Pending> stored) {
        if (stored.isEmpty()) {
            return;
        }
        try {
            durability.awaitDurable();
            stored.forEach(Pending::durable);
        } catch (RuntimeException e) {
            stored.forEach(pending -> pending.failed(e));
        }
    }

    private void insertInOrder(List<Pending> batch) {
        List<Pending> remaining = batch;
        long number = numbers.next();
        for (int round = 0; !remaining.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("could not obtain commit numbers after " + MAX_ROUNDS + " attempts");
            }
            List<Document> documents = new ArrayList<>(remaining.size());
            for (int i = 0; i < remaining.size(); i++) {
                Document commit = remaining.get(i).commit;
                commit.put("_id", number + i);
                documents.add(commit);
            }
            try {
                commits.insertMany(documents, new InsertManyOptions().ordered(true));
                remaining.forEach(Pending::stored);
                numbers.written(number + remaining.size() - 1);
                return;
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                int failed = error.getIndex();
                remaining.subList(0, failed).forEach(Pending::stored);
                if (failed > 0) {
                    numbers.written(number + failed - 1);
                }
                Pending loser = remaining.get(failed);
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    loser.failed(e);
                    number += failed; // its number was not used: the next commit takes it
                    remaining = remaining.subList(failed + 1, remaining.size());
                } else if (isTaken(loser.commit.getString("aggregateKey"))) {
                    loser.failed(new ConcurrencyException("aggregate " + loser.commit.getString("aggregateId")
                            + " already has an event with sequence number " + loser.commit.getLong("firstSeq"), e));
                    number += failed;
                    remaining = remaining.subList(failed + 1, remaining.size());
                } else {
                    // another node took this number: go on after the head it wrote
                    numbers.forget();
                    number = Math.max(number + failed, numbers.next());
                    remaining = remaining.subList(failed, remaining.size());
                }
            }
        }
    }

    private boolean isTaken(String aggregateKey) {
        return commits.find(Filters.eq("aggregateKey", aggregateKey)).projection(new Document("_id", 1)).first() != null;
    }
}
