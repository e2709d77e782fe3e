package newsroom.api.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.ByteBuf;
import org.bson.RawBsonDocument;
import org.bson.io.BsonInput;
import org.bson.io.ByteBufferBsonInput;

/**
 * The hash of one commit in the chain (chain version 1), computed from the commit's BSON as it is stored.
 * <p>
 * SHA-256 over, in this order: the commit number (8 bytes, big-endian); the previous commit's hash; the
 * aggregate key, id and type; the first and last sequence number and the number of events written as decimal
 * text ({@code "null"} for none); then per event its id, timestamp, payload type, payload revision, payload and
 * metadata, and its sequence number as decimal text. Each of these strings is length-prefixed (4 bytes,
 * big-endian: the count of its UTF-8 bytes, or -1 for a missing one), so no two contents encode alike.
 * <p>
 * Why it reads the stored bytes: verify hashes every commit of the store, and decoding each into a
 * {@code Document} (maps, strings) cost more than the hashing. The driver's BSON reader walks the structure;
 * the UTF-8 bytes of a string go to the digest as stored. Only a string with non-ASCII bytes is decoded and
 * encoded again, which is what the chain was defined over (the UTF-8 of the string as read): the same bytes for
 * any valid UTF-8, and the replacement characters a reader sees for invalid sequences.
 * <p>
 * The writer hashes the commit it is about to insert through the same code, encoded by the driver as it will be
 * sent ({@link HashChain#hash}), so writing and verifying cannot disagree about what a commit's content is.
 */
final class CommitHash {

    private static final byte[] NULL_TEXT = "null".getBytes(StandardCharsets.US_ASCII);
    private static final String[] EVENT_STRINGS = {"eventId", "timestamp", "payloadType", "payloadRevision",
            "payload", "metaData"};

    private CommitHash() {
    }

    /** Content the commit writer never writes (a field of another BSON type, events that are not documents). */
    static final class UnexpectedContent extends RuntimeException {

        UnexpectedContent(String message) {
            super(message);
        }
    }

    /** Reads a stored commit: where its hashed fields are, its number and the hash stored with it. */
    static Stored read(RawBsonDocument commit) {
        ByteBuf buffer = commit.getByteBuffer();
        Stored stored = new Stored(buffer.array());
        BsonInput input = new ByteBufferBsonInput(buffer);
        try (BsonBinaryReader reader = new BsonBinaryReader(input)) {
            stored.read(reader, input);
        }
        return stored;
    }

    /**
     * Where the hashed fields of one commit are in its bytes, collected in one pass (they are stored in any
     * order) and hashed in the chain's order.
     */
    static final class Stored {

        private final byte[] bytes;
        private final byte[] lengthBytes = new byte[Integer.BYTES];
        private Long number;
        private String storedHash;
        /** The first thing found that the writer never writes; the rest is still read (the stored hash too). */
        private String unexpected;
        private final Value[] header = new Value[5]; // aggregateKey, aggregateId, aggregateType, firstSeq, lastSeq
        private List<Value[]> events;

        Stored(byte[] bytes) {
            this.bytes = bytes;
        }

        void read(BsonBinaryReader reader, BsonInput input) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                switch (name) {
                    case "_id" -> number = commitNumber(reader);
                    case "aggregateKey" -> header[0] = value(reader, input, name, false);
                    case "aggregateId" -> header[1] = value(reader, input, name, false);
                    case "aggregateType" -> header[2] = value(reader, input, name, false);
                    case "firstSeq" -> header[3] = value(reader, input, name, true);
                    case "lastSeq" -> header[4] = value(reader, input, name, true);
                    case "events" -> events = events(reader, input);
                    case HashChain.HASH -> storedHash = reader.getCurrentBsonType() == BsonType.STRING
                            ? reader.readString() : skip(reader);
                    default -> reader.skipValue();
                }
            }
            if (number == null) {
                unexpected("it has no commit number");
            }
            if (events == null) {
                unexpected("it has no events");
            }
        }

        private void unexpected(String problem) {
            if (unexpected == null) {
                unexpected = problem;
            }
        }

        private Long commitNumber(BsonBinaryReader reader) {
            switch (reader.getCurrentBsonType()) {
                case INT64 -> {
                    return reader.readInt64();
                }
                case INT32 -> {
                    return (long) reader.readInt32();
                }
                case DOUBLE -> { // a query for the number finds it, but the writer never wrote one
                    unexpected("its _id is a double");
                    return (long) reader.readDouble();
                }
                default -> {
                    unexpected("its _id is a " + reader.getCurrentBsonType());
                    reader.skipValue();
                    return null;
                }
            }
        }

        private static String skip(BsonBinaryReader reader) {
            reader.skipValue();
            return null;
        }

        /** The commit number, or null if it has none a reader could place. */
        Long number() {
            return number;
        }

        /** The hash stored with the commit; null if it has none (or not a string). */
        String storedHash() {
            return storedHash;
        }

        private List<Value[]> events(BsonBinaryReader reader, BsonInput input) {
            List<Value[]> read = new ArrayList<>();
            if (reader.getCurrentBsonType() != BsonType.ARRAY) {
                unexpected("its events are a " + reader.getCurrentBsonType());
                reader.skipValue();
                return read;
            }
            reader.readStartArray();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                    unexpected("an event is a " + reader.getCurrentBsonType());
                    reader.skipValue();
                    continue;
                }
                Value[] event = new Value[EVENT_STRINGS.length + 1]; // the strings, then seq
                reader.readStartDocument();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    String name = reader.readName();
                    int field = "seq".equals(name) ? EVENT_STRINGS.length : indexOf(name);
                    if (field < 0) {
                        reader.skipValue();
                    } else {
                        event[field] = value(reader, input, "event's " + name, field == EVENT_STRINGS.length);
                    }
                }
                reader.readEndDocument();
                read.add(event);
            }
            reader.readEndArray();
            return read;
        }

        private static int indexOf(String name) {
            for (int i = 0; i < EVENT_STRINGS.length; i++) {
                if (EVENT_STRINGS[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * A string (where its UTF-8 bytes are), null, or for a sequence number an integer: what the writer
         * writes. Anything else is noted as unexpected.
         */
        private Value value(BsonBinaryReader reader, BsonInput input, String name, boolean sequenceNumber) {
            BsonType type = reader.getCurrentBsonType();
            if (!sequenceNumber && (type == BsonType.INT64 || type == BsonType.INT32)) {
                unexpected("its " + name + " is a " + type);
                reader.skipValue();
                return null;
            }
            switch (type) {
                case STRING -> {
                    int at = input.getPosition();
                    int length = littleEndianInt(at) - 1; // BSON counts the terminating zero
                    reader.skipValue();
                    return new Value(at + Integer.BYTES, length, 0);
                }
                case INT64 -> {
                    return new Value(-1, 0, reader.readInt64());
                }
                case INT32 -> {
                    return new Value(-1, 0, reader.readInt32());
                }
                case NULL -> {
                    reader.readNull();
                    return null;
                }
                default -> {
                    unexpected("its " + name + " is a " + reader.getCurrentBsonType());
                    reader.skipValue();
                    return null;
                }
            }
        }

        private int littleEndianInt(int at) {
            return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                    | (bytes[at + 3] & 0xff) << 24;
        }

        /**
         * The hash of the commit after the given previous hash.
         *
         * @throws UnexpectedContent if a hashed field has a type the writer never gives it: the commit was altered
         */
        String hashAfter(String previousHash) {
            if (unexpected != null) {
                throw new UnexpectedContent(unexpected);
            }
            MessageDigest digest = sha256();
            byte[] eight = new byte[Long.BYTES];
            for (int i = 0; i < Long.BYTES; i++) {
                eight[i] = (byte) (number >>> (56 - 8 * i));
            }
            digest.update(eight);
            putText(digest, previousHash);
            for (int i = 0; i < 3; i++) {
                putString(digest, header[i]);
            }
            putValueOf(digest, header[3]);
            putValueOf(digest, header[4]);
            putText(digest, Integer.toString(events.size()));
            for (Value[] event : events) {
                for (int i = 0; i < EVENT_STRINGS.length; i++) {
                    putString(digest, event[i]);
                }
                putValueOf(digest, event[EVENT_STRINGS.length]);
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        /** A field the chain reads as a string: its UTF-8 bytes, or the "none" length. */
        private void putString(MessageDigest digest, Value value) {
            if (value == null) {
                length(digest, -1);
            } else {
                putStored(digest, value);
            }
        }

        /** A field the chain reads as its text (sequence numbers): the decimal number, "null", or the string. */
        private void putValueOf(MessageDigest digest, Value value) {
            if (value == null) {
                length(digest, NULL_TEXT.length);
                digest.update(NULL_TEXT);
            } else if (value.start < 0) {
                putText(digest, Long.toString(value.number));
            } else {
                putStored(digest, value);
            }
        }

        private void putStored(MessageDigest digest, Value value) {
            for (int i = value.start; i < value.start + value.length; i++) {
                if (bytes[i] < 0) { // not ASCII: the UTF-8 of the string as a reader decodes it
                    putText(digest, new String(bytes, value.start, value.length, StandardCharsets.UTF_8));
                    return;
                }
            }
            length(digest, value.length);
            digest.update(bytes, value.start, value.length);
        }

        private void putText(MessageDigest digest, String text) {
            if (text == null) {
                length(digest, -1);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            length(digest, utf8.length);
            digest.update(utf8);
        }

        private void length(MessageDigest digest, int length) {
            for (int i = 0; i < Integer.BYTES; i++) {
                lengthBytes[i] = (byte) (length >>> (24 - 8 * i));
            }
            digest.update(lengthBytes);
        }
    }

    /** A string's bytes in the commit ({@code start} ≥ 0), or an integer ({@code start} < 0). */
    private record Value(int start, int length, long number) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
