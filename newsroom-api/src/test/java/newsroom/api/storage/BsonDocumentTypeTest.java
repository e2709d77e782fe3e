package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The embedded store keeps a document in memory as its BSON bytes and in its file in the format it always had,
 * so files written before read the same; a reader gets a copy of its own.
 */
class BsonDocumentTypeTest {

    private static Document story() {
        return new Document("_id", "story-1")
                .append("version", 41L)
                .append("title", "Größer, schöner: 新しい工場")
                .append("updatedAt", Instant.parse("2027-03-01T09:30:00Z"))
                .append("placements", new ArrayList<>(List.of(new Document("placementId", "p1").append("slot", 3))))
                .append("deleted", false);
    }

    @Test
    void aDocumentIsKeptAsItsBsonBytesAndCountedAtTheirSize() {
        Object stored = BsonDocumentType.toStored(story());

        assertThat(stored).isInstanceOf(byte[].class);
        assertThat(BsonDocumentType.INSTANCE.getMemory(stored)).isEqualTo(16 + ((byte[]) stored).length);
        assertThat(BsonDocumentType.toDocument(stored)).isEqualTo(story());
    }

    @Test
    void theFileHoldsAMarkerThenTheBsonWithItsLengthAndReadsBackTheSame() {
        byte[] bson = (byte[]) BsonDocumentType.toStored(story());
        WriteBuffer out = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(out, bson);
        ByteBuffer file = out.getBuffer().flip();

        assertThat(file.get(0)).isZero();
        ByteBuffer copy = file.duplicate();
        copy.get();
        assertThat(org.h2.mvstore.DataUtils.readVarInt(copy)).isEqualTo(bson.length);
        assertThat(BsonDocumentType.toDocument(BsonDocumentType.INSTANCE.read(file))).isEqualTo(story());
        assertThat(file.remaining()).isZero();
    }

    @Test
    void changingADocumentReadDoesNotChangeWhatIsStored() {
        Object stored = BsonDocumentType.toStored(story());

        Document read = BsonDocumentType.toDocument(stored);
        read.put("title", "changed by a reader");
        ((Document) ((List<?>) read.get("placements")).get(0)).put("slot", 99);

        assertThat(BsonDocumentType.toDocument(stored)).isEqualTo(story());
    }

    @Test
    void aDocumentBsonCannotHoldIsKeptAsItselfAndSerialisedInTheFile() {
        Document odd = new Document("_id", "odd").append("value", new StringBuilder("not a BSON type"));

        Object stored = BsonDocumentType.toStored(odd);
        WriteBuffer out = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(out, stored);
        ByteBuffer file = out.getBuffer().flip();

        assertThat(stored).isSameAs(odd);
        assertThat(file.get(0)).isEqualTo((byte) 1);
        Document back = BsonDocumentType.toDocument(BsonDocumentType.INSTANCE.read(file));
        assertThat(back.get("value")).hasToString("not a BSON type");
    }
}
