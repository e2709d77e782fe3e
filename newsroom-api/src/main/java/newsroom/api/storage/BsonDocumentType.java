package newsroom.api.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps documents, in its file and in memory: as BSON, with the server's own encoder
 * (the same bytes it sends over the wire).
 * <p>
 * In memory a stored document is its BSON bytes ({@link #toStored}), decoded into a fresh document each time it
 * is read ({@link #toDocument}). Kept as decoded documents, every page the store had written or read held a
 * graph of maps, strings and boxed numbers several times the size of its bytes: it lived in the page cache for
 * seconds, so under load it was promoted to the old generation and died there, the cause of most full
 * collections. One byte array per document is what the cache holds now; its size is what the cache counts.
 * <p>
 * In the file: a marker byte, then the BSON's length and bytes. The backend's default is Java serialisation,
 * which writes class descriptions with every document and costs several times as much to write and read. A
 * document BSON cannot hold (none the server is sent can be like that) is kept as the document itself and
 * falls back to Java serialisation in the file, marked by its first byte.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    private static final byte BSON = 0;
    private static final byte JAVA_SERIALIZED = 1;
    private static final ObjectDataType FALLBACK = new ObjectDataType();
    private static final int KEPT_BUFFER_BYTES = 1024 * 1024;
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonDocumentType() {
    }

    /** What the store keeps for a document: its BSON bytes, or the document itself should BSON not hold it. */
    static Object toStored(Document document) {
        ByteBuf buffer = BUFFERS.get();
        buffer.clear();
        try {
            BsonEncoder.encodeDocument(document, buffer);
        } catch (RuntimeException notBson) {
            return document;
        }
        byte[] bson = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(),
                buffer.arrayOffset() + buffer.writerIndex());
        if (buffer.capacity() > KEPT_BUFFER_BYTES) {
            BUFFERS.remove(); // a rare large document should not keep a large buffer per thread
        }
        return bson;
    }

    /** The document a stored value holds; a fresh one for BSON, so no reader can change what is stored. */
    static Document toDocument(Object stored) {
        if (stored == null || stored instanceof Document) {
            return (Document) stored;
        }
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer((byte[]) stored));
    }

    /** The stored value's size in BSON bytes (a document kept as itself: its estimate). */
    static long bsonSize(Object stored) {
        return stored instanceof byte[] bson ? bson.length : INSTANCE.getMemory(stored);
    }

    @Override
    public void write(WriteBuffer out, Object stored) {
        if (stored instanceof byte[] bson) {
            out.put(BSON).putVarInt(bson.length).put(bson);
            return;
        }
        out.put(JAVA_SERIALIZED);
        FALLBACK.write(out, stored);
    }

    @Override
    public Object read(ByteBuffer in) {
        if (in.get() == JAVA_SERIALIZED) {
            return FALLBACK.read(in);
        }
        byte[] bson = new byte[DataUtils.readVarInt(in)];
        in.get(bson);
        return bson;
    }

    /** The heap a stored value takes, which decides when a page of the store is split and what the cache holds. */
    @Override
    public int getMemory(Object stored) {
        if (stored instanceof byte[] bson) {
            return 16 + bson.length;
        }
        return 48 + entriesMemory((Document) stored);
    }

    private static int entriesMemory(Map<String, ?> map) {
        int memory = 0;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            memory += 32 + 40 + 2 * entry.getKey().length() + valueMemory(entry.getValue());
        }
        return memory;
    }

    @SuppressWarnings("unchecked")
    private static int valueMemory(Object value) {
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            return 48 + entriesMemory((Map<String, ?>) map);
        }
        if (value instanceof Collection<?> values) {
            int memory = 40;
            for (Object element : values) {
                memory += 8 + valueMemory(element);
            }
            return memory;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
