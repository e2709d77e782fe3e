package newsroom.api.storage;

import java.nio.ByteBuffer;
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
 * How the embedded store keeps documents in its file: as BSON, with the server's own encoder (the same
 * bytes it sends over the wire). The backend's default is Java serialisation, which writes class
 * descriptions with every document and costs several times as much to write and read; the store writes
 * and reads whole pages of documents on every flush and every cache miss. A document BSON cannot hold
 * (none the server is sent can be like that) falls back to Java serialisation, marked by its first byte.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    private static final byte BSON = 0;
    private static final byte JAVA_SERIALIZED = 1;
    private static final ObjectDataType FALLBACK = new ObjectDataType();
    private static final int KEPT_BUFFER_BYTES = 1024 * 1024;
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        ByteBuf buffer = BUFFERS.get();
        buffer.clear();
        try {
            BsonEncoder.encodeDocument(document, buffer);
        } catch (RuntimeException notBson) {
            out.put(JAVA_SERIALIZED);
            FALLBACK.write(out, document);
            return;
        }
        int length = buffer.readableBytes();
        out.put(BSON).putVarInt(length).put(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), length);
        if (buffer.capacity() > KEPT_BUFFER_BYTES) {
            BUFFERS.remove(); // a rare large document should not keep a large buffer per thread
        }
    }

    @Override
    public Document read(ByteBuffer in) {
        if (in.get() == JAVA_SERIALIZED) {
            return (Document) FALLBACK.read(in);
        }
        int length = DataUtils.readVarInt(in);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice(in.position(), length)));
        in.position(in.position() + length);
        return document;
    }

    /** An estimate of the document's heap size, which decides when a page of the store is split. */
    @Override
    public int getMemory(Document document) {
        return 48 + entriesMemory(document);
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
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
