package newsroom.api.audit;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The audit entries of one search key in one month, in ascending order: entry ids and the epoch
 * milliseconds they happened at, as parallel arrays. Stored as two binary fields of 8-byte numbers:
 * a month of a busy key is a few thousand ids, and a binary field is one value to read, where a BSON
 * array of them is a small document per element (several times the bytes and the decoding).
 */
final class PostingList {

    private long[] ids;
    private long[] times;
    private int size;

    PostingList() {
        this(new long[8], new long[8], 0);
    }

    private PostingList(long[] ids, long[] times, int size) {
        this.ids = ids;
        this.times = times;
        this.size = size;
    }

    static PostingList decode(byte[] ids, byte[] times) {
        int size = ids.length / Long.BYTES;
        long[] idValues = new long[Math.max(size, 8)];
        long[] timeValues = new long[Math.max(size, 8)];
        ByteBuffer.wrap(ids).asLongBuffer().get(idValues, 0, size);
        ByteBuffer.wrap(times).asLongBuffer().get(timeValues, 0, size);
        return new PostingList(idValues, timeValues, size);
    }

    byte[] encodedIds() {
        return encode(ids);
    }

    byte[] encodedTimes() {
        return encode(times);
    }

    private byte[] encode(long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(size * Long.BYTES);
        buffer.asLongBuffer().put(values, 0, size);
        return buffer.array();
    }

    /** Adds the entry unless it is there (a replayed event); ids mostly arrive in order, so usually appends. */
    boolean add(long id, long time) {
        int at = size == 0 || ids[size - 1] < id ? -(size + 1) : Arrays.binarySearch(ids, 0, size, id);
        if (at >= 0) {
            return false;
        }
        int insertAt = -(at + 1);
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        System.arraycopy(ids, insertAt, ids, insertAt + 1, size - insertAt);
        System.arraycopy(times, insertAt, times, insertAt + 1, size - insertAt);
        ids[insertAt] = id;
        times[insertAt] = time;
        size++;
        return true;
    }

    /** The entries from {@code from} (inclusive) to {@code to} (exclusive), as a list of their own. */
    PostingList slice(int from, int to) {
        long[] idValues = Arrays.copyOfRange(ids, from, Math.max(to, from + 8));
        long[] timeValues = Arrays.copyOfRange(times, from, Math.max(to, from + 8));
        return new PostingList(idValues, timeValues, to - from);
    }

    /** The lists one after another (they hold consecutive ranges of ids, in order). */
    static PostingList concat(List<PostingList> lists) {
        int size = lists.stream().mapToInt(PostingList::size).sum();
        long[] idValues = new long[Math.max(size, 8)];
        long[] timeValues = new long[Math.max(size, 8)];
        int at = 0;
        for (PostingList list : lists) {
            System.arraycopy(list.ids, 0, idValues, at, list.size);
            System.arraycopy(list.times, 0, timeValues, at, list.size);
            at += list.size;
        }
        return new PostingList(idValues, timeValues, size);
    }

    boolean contains(long id) {
        return Arrays.binarySearch(ids, 0, size, id) >= 0;
    }

    int size() {
        return size;
    }

    long id(int index) {
        return ids[index];
    }

    long time(int index) {
        return times[index];
    }
}
