package newsroom.api.storage;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Writes the values that index keys and document positions are made of (strings, numbers, booleans,
 * null) with one tag byte and their data, and anything else with the store's generic encoding. The
 * generic encoding finds a value's type by a chain of checks for every value; an index page holds dozens
 * of keys and is written on every flush that touches it.
 */
final class ScalarCodec {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DOUBLE = 2;
    private static final byte LONG = 3;
    private static final byte INTEGER = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte OTHER = 7;
    private static final ObjectDataType OTHERS = new ObjectDataType();

    private ScalarCodec() {
    }

    static void write(WriteBuffer out, Object value) {
        if (value == null) {
            out.put(NULL);
        } else if (value instanceof String text) {
            out.put(STRING).putVarInt(text.length()).putStringData(text, text.length());
        } else if (value instanceof Double number) {
            out.put(DOUBLE).putDouble(number);
        } else if (value instanceof Long number) {
            out.put(LONG).putLong(number);
        } else if (value instanceof Integer number) {
            out.put(INTEGER).putInt(number);
        } else if (value instanceof Boolean flag) {
            out.put(flag ? TRUE : FALSE);
        } else {
            out.put(OTHER);
            OTHERS.write(out, value);
        }
    }

    static Object read(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> DataUtils.readString(in, DataUtils.readVarInt(in));
            case DOUBLE -> in.getDouble();
            case LONG -> in.getLong();
            case INTEGER -> in.getInt();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OTHER -> OTHERS.read(in);
            default -> throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "unknown value tag {0}", tag);
        };
    }

    /** An estimate of the value's heap size. */
    static int memory(Object value) {
        return value instanceof String text ? 40 + 2 * text.length() : 24;
    }
}
