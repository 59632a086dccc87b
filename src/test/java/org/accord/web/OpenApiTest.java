package org.accord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.accord.testing.TestPki;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the service registers, with the same authentication. */
class OpenApiTest {

    private static final WebApp.Settings SETTINGS = new WebApp.Settings("http://127.0.0.1:7070", 1024);

    /** "GET /api/x/{id}" → whether the route needs a login. */
    private static Map<String, Boolean> registered() {
        Map<String, Boolean> routes = new TreeMap<>();
        for (Route r : WebApp.routes(null, SETTINGS, TestPki.services(), () -> true)) {
            routes.put(r.method().name() + " " + r.path().replace("<path>", "{path}"), !r.roles().isEmpty());
        }
        return routes;
    }

    private static Map<String, Boolean> documented() {
        JsonNode doc = Docs.document(SETTINGS.publicUrl());
        Map<String, Boolean> ops = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                ops.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        op.getValue().path("security").toString().contains("basic"));
            }
        }
        return ops;
    }

    @Test
    void every_registered_route_is_documented_and_nothing_else() {
        assertEquals(registered().keySet(), documented().keySet());
    }

    @Test
    void the_document_says_which_routes_need_a_login() {
        assertEquals(registered(), documented());
    }

    @Test
    void the_document_names_this_server_and_is_openapi_3() {
        JsonNode doc = Docs.document("https://accord.example.org");
        assertTrue(doc.path("openapi").asText().startsWith("3."), doc.path("openapi").asText());
        assertEquals("https://accord.example.org", doc.path("servers").get(0).path("url").asText());
    }
}
