package com.sparkgan.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** JSON text for metrics, manifests and summaries (Jackson, which Spark already ships). */
public final class Json {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String line(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + value, e);
        }
    }

    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + value, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text, String source) {
        try {
            return COMPACT.readValue(text, Map.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new StorageException(source + " is not a JSON object.", e);
        } catch (JsonProcessingException e) {
            // Jackson's own message ends with where it read from, in its own terms.
            String reason = e.getOriginalMessage().split("\n")[0]
                    .replaceAll("\\s*\\(start marker at .*$", "")
                    .replaceAll("\\s*at \\[Source.*$", "");
            throw new StorageException(source + " is not valid JSON: " + reason + ".", e);
        }
    }
}
