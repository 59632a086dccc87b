package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;
import org.accord.testing.PdfText;
import org.junit.jupiter.api.Test;

class RenderSecurityTest {

    static final Path MINIMAL = Path.of("src/test/resources/agreements/minimal.yaml");

    static Agreement minimal(String from, String to) throws IOException {
        String yaml = Files.readString(MINIMAL);
        assertTrue(yaml.contains(from), from);
        return new AgreementReader().read(yaml.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    static String fo(String body) {
        return """
                <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Serif" xml:lang="en">
                  <fo:layout-master-set>
                    <fo:simple-page-master master-name="p" page-height="297mm" page-width="210mm"><fo:region-body/></fo:simple-page-master>
                  </fo:layout-master-set>
                  <fo:declarations><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt>
                      <rdf:li xml:lang="x-default">A test document</rdf:li></rdf:Alt></dc:title></rdf:Description>
                  </rdf:RDF></x:xmpmeta></fo:declarations>
                  <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">%s</fo:flow></fo:page-sequence>
                </fo:root>""".formatted(body);
    }

    @Test
    void values_never_become_markup_or_template_code() throws IOException {
        String hostile = "<fo:block>Injected</fo:block> & ${7*7} {7*7} <#if true>x</#if>";
        Agreement a = minimal("name: {en: Alpha Organization,", "name: {en: '" + hostile + "',");
        byte[] pdf = Originals.RENDERER.render(a, Layout.PARALLEL).get(0).bytes();
        String text = PdfText.all(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains(hostile), "printed literally: " + text);
        assertFalse(text.contains("49"), "${7*7} was evaluated");
    }

    @Test
    void a_character_the_font_lacks_fails_the_render_instead_of_printing_a_hash() throws IOException {
        // the reader refuses it first; the render still refuses what gets past it (records built by code)
        org.accord.model.InvalidAgreementException refused = assertThrows(org.accord.model.InvalidAgreementException.class,
                () -> minimal("title: {en: Test Agreement,", "title: {en: Test Agreement 合作,"));
        assertTrue(refused.problems().get(0).startsWith("title.en: the character, which the originals' fonts cannot show"),
                refused.problems().toString());
        Agreement valid = minimal("title: {en: Test Agreement,", "title: {en: Test Agreement,");
        Agreement a = new Agreement(valid.id(), valid.kind(), new org.accord.model.Text("Test Agreement 合作", valid.title().ru()),
                valid.shortTitle(), valid.titleBlock(), valid.initials(), valid.parties(), valid.preamble(), valid.articles(),
                valid.finalClause(), valid.entryIntoForce());
        RenderException e = assertThrows(RenderException.class, () -> Originals.RENDERER.render(a, Layout.PARALLEL));
        assertTrue(e.getMessage().contains("Glyph") && e.getMessage().contains("合"), e.getMessage());
    }

    @Test
    void fop_refuses_files_outside_the_bundle() {
        RenderException e = assertThrows(RenderException.class, () -> Originals.RENDERER.renderFo(
                fo("<fo:block><fo:external-graphic src=\"file:///etc/hostname\"/></fo:block>")));
        assertTrue(e.getMessage().contains("Image not found. URI: file:///etc/hostname"), e.getMessage());
    }

    @Test
    void fop_makes_no_network_request() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/logo.png";
            RenderException e = assertThrows(RenderException.class, () -> Originals.RENDERER.renderFo(
                    fo("<fo:block><fo:external-graphic src=\"" + url + "\"/></fo:block>")));
            assertTrue(e.getMessage().contains("Image not found. URI: " + url), e.getMessage());
            assertEquals(0, requests.get(), "FOP reached the network");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void the_resolver_allows_only_bundled_templates_and_fonts() {
        assertDoesNotThrow(() -> ConfinedResourceResolver.allowedPath(URI.create("classpath:/fonts/fop.xconf")));
        assertDoesNotThrow(() -> ConfinedResourceResolver.allowedPath(URI.create("classpath:liberation/LiberationSerif-Bold.ttf")));
        for (String uri : new String[] {"classpath:/templates/../../etc/passwd", "classpath:/org/accord/app/Main.class",
                "file:///work/templates/fo/agreement.ftlx", "jar:file:/x.jar!/fonts/a.ttf", "templates/fo/agreement.ftlx"}) {
            IOException e = assertThrows(IOException.class, () -> ConfinedResourceResolver.allowedPath(URI.create(uri)), uri);
            assertTrue(e.getMessage().startsWith("resource refused"), e.getMessage());
        }
    }

    @Test
    void an_fo_with_a_doctype_is_refused() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE fo:root [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + fo("<fo:block>&x;</fo:block>");
        RenderException e = assertThrows(RenderException.class, () -> Originals.RENDERER.renderFo(withEntity));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void templates_cannot_instantiate_classes() throws IOException {
        Agreement a = new AgreementReader().read(MINIMAL);
        RenderException e = assertThrows(RenderException.class,
                () -> Originals.RENDERER.process("fo/probe-new.ftlx", Map.of("a", a)));
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }

    @Test
    void templates_cannot_reach_the_java_api_behind_values() throws IOException {
        Agreement a = new AgreementReader().read(MINIMAL);
        RenderException e = assertThrows(RenderException.class,
                () -> Originals.RENDERER.process("fo/probe-api.ftlx", Map.of("a", a)));
        assertTrue(e.getMessage().contains("api_builtin_enabled"), e.getMessage());
    }
}
