package org.accord.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The OpenAPI document ({@code /openapi.json}, kept as YAML in the jar) and Swagger UI at {@code /docs}. */
final class Docs {

    static final String OPENAPI = "web/openapi.yaml";
    static final String SWAGGER_UI = "/webjars/swagger-ui/" + swaggerVersion() + "/";

    private Docs() {
    }

    static List<Route> routes(String publicUrl) {
        String json = Json.write(document(publicUrl));
        String page = resource("web/docs/index.html").replace("{{swagger}}", SWAGGER_UI);
        String script = resource("web/docs/init.js");
        return List.of(
                Route.open(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(json)),
                Route.open(HandlerType.GET, "/docs", ctx -> ctx.html(page)),
                Route.open(HandlerType.GET, "/docs/init.js", ctx -> ctx.contentType("text/javascript").result(script)));
    }

    /** The OpenAPI document, with this server's URL. */
    static JsonNode document(String publicUrl) {
        try (InputStream in = Docs.class.getClassLoader().getResourceAsStream(OPENAPI)) {
            ObjectNode doc = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
            doc.putArray("servers").addObject().put("url", publicUrl);
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(OPENAPI + " cannot be read", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Docs.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name + " is not on the class path", e);
        }
    }

    /** The version of the swagger-ui WebJar on the class path, from its Maven metadata. */
    private static String swaggerVersion() {
        try (InputStream in = Docs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui WebJar is not on the class path", e);
        }
    }
}
