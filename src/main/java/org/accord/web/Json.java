package org.accord.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON in and out with one shared mapper. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request body as a JSON tree; 400 when it is not JSON. */
    static JsonNode read(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw Problem.badRequest("the body cannot be read");
        }
    }
}
