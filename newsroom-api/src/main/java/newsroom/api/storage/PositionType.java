package newsroom.api.storage;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** How the embedded store keeps a unique index's values: the {@code _id} of the document a key belongs to. */
final class PositionType extends BasicDataType<Object> {

    static final PositionType INSTANCE = new PositionType();

    private PositionType() {
    }

    @Override
    public int getMemory(Object position) {
        return ScalarCodec.memory(position);
    }

    @Override
    public void write(WriteBuffer out, Object position) {
        ScalarCodec.write(out, position);
    }

    @Override
    public Object read(ByteBuffer in) {
        return ScalarCodec.read(in);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
