package newsroom.api.storage;

import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Turns read-model objects into MongoDB documents and back. Instants are stored as ISO-8601 strings,
 * which sort in time order. A mapping of its own, so web JSON settings never change stored documents.
 */
@Component
public class DocumentMapper {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @SuppressWarnings("unchecked")
    public Document toDocument(String id, Object value) {
        Document document = new Document("_id", id);
        document.putAll(mapper.convertValue(value, Map.class));
        return document;
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        return mapper.convertValue(copy, type);
    }
}
