package org.accord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.accord.model.Agreement;
import org.accord.testing.Seeds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MetadataTest {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    @Test
    void xmp_names_the_agreement_its_parties_and_both_languages() throws Exception {
        Agreement a = Seeds.read(Seeds.CICA);
        RenderedPdf pdf = Originals.of(Seeds.CICA, Layout.PARALLEL).get(1);
        Document xmp = xmp(pdf.bytes());

        Map<String, String> titles = new LinkedHashMap<>();
        Element title = (Element) xmp.getElementsByTagNameNS(DC, "title").item(0);
        NodeList items = title.getElementsByTagNameNS(RDF, "li");
        for (int i = 0; i < items.getLength(); i++) {
            Element li = (Element) items.item(i);
            titles.put(li.getAttribute("xml:lang"), li.getTextContent());
        }
        assertEquals(a.title().en() + " / " + a.title().ru(), titles.get("x-default"));
        assertEquals(a.title().en(), titles.get("en"));
        assertEquals(a.title().ru(), titles.get("ru"));
        assertEquals(List.of("en", "ru"), values(xmp, DC, "language"));
        assertEquals(List.of(a.id()), values(xmp, DC, "identifier"));
        assertEquals(List.of(a.parties().get(0).name().en() + " / " + a.parties().get(0).name().ru(),
                a.parties().get(1).name().en() + " / " + a.parties().get(1).name().ru()), values(xmp, DC, "contributor"));
        assertEquals(List.of(a.id()), values(xmp, Renderer.XMP_NAMESPACE, "agreementId"));
        assertEquals(List.of("cica sco-rats"), values(xmp, Renderer.XMP_NAMESPACE, "parties"));
        assertEquals(List.of("2"), values(xmp, Renderer.XMP_NAMESPACE, "original"));
        assertEquals(List.of("2"), values(xmp, Renderer.XMP_NAMESPACE, "originals"));
        assertEquals(List.of("parallel"), values(xmp, Renderer.XMP_NAMESPACE, "layout"));
    }

    @Test
    void the_document_information_title_matches_the_xmp_title() throws Exception {
        Agreement a = Seeds.read(Seeds.INTERPOL);
        RenderedPdf ru = Originals.drafts(Seeds.INTERPOL, Layout.SEPARATE).get(1);
        try (PDDocument doc = Loader.loadPDF(ru.bytes())) {
            assertEquals(a.title().ru(), doc.getDocumentInformation().getTitle());
            assertEquals("Accord", doc.getDocumentInformation().getProducer());
        }
        assertEquals(List.of("ru"), values(xmp(ru.bytes()), DC, "language"));
    }

    @Test
    void an_original_reads_back_who_is_to_sign_it() {
        Agreement a = Seeds.read(Seeds.INTERPOL);
        OriginalMetadata m = OriginalMetadata.read(Originals.of(Seeds.INTERPOL, Layout.SEQUENTIAL).get(1).bytes()).orElseThrow();
        assertEquals(a.id(), m.agreementId());
        assertEquals(2, m.original());
        assertEquals(2, m.originals());
        assertEquals("sequential", m.layout());
        assertEquals(List.of("interpol", "impact"), m.signatories().stream().map(OriginalMetadata.Signatory::partyId).toList());
        OriginalMetadata.Signatory impact = m.signatory("impact").orElseThrow();
        assertEquals(a.parties().get(1).signatureHeading(), impact.heading());
        assertEquals(a.parties().get(1).signatory().name(), impact.name());
        assertEquals(a.parties().get(1).signatory().function(), impact.function());
        assertEquals(a.parties().get(1).shortName(), impact.shortName());
    }

    @Test
    void a_pdf_that_is_not_an_accord_original_has_no_metadata() throws Exception {
        byte[] plain = Originals.RENDERER.renderFo(RenderSecurityTest.fo("<fo:block>Hello</fo:block>"));
        assertEquals(java.util.Optional.empty(), OriginalMetadata.read(plain));
        assertEquals(java.util.Optional.empty(), OriginalMetadata.read("not a pdf".getBytes()));
    }

    private static Document xmp(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf); InputStream in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        }
    }

    /** The text of a simple property, or of each rdf:li of an array property. */
    private static List<String> values(Document xmp, String ns, String name) throws IOException {
        List<String> values = new ArrayList<>();
        NodeList props = xmp.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < props.getLength(); i++) {
            Element prop = (Element) props.item(i);
            NodeList items = prop.getElementsByTagNameNS(RDF, "li");
            if (items.getLength() == 0) {
                values.add(prop.getTextContent().strip());
            }
            for (int j = 0; j < items.getLength(); j++) {
                values.add(items.item(j).getTextContent().strip());
            }
        }
        return values;
    }
}
