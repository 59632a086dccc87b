package org.accord.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSOutput;
import org.w3c.dom.ls.LSSerializer;
import org.xml.sax.SAXException;

/** Edits FOP's XMP packet where FOP overrides what the template declared. */
final class Xmp {

    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private Xmp() {
    }

    /** The packet with {@code dc:language} set to exactly {@code languages} (FOP writes only the root's). */
    /** Reads an XMP packet safely (no DOCTYPE, no external entities). */
    static Document read(byte[] packet) throws IOException {
        return parse(packet);
    }

    /** The namespace of the element the template holds Accord's extension schemas in until they are merged. */
    static final String HELD_SCHEMAS = Renderer.XMP_NAMESPACE + "extension/";
    static final String PDFA_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/";

    /**
     * Accord's XMP extension schemas (held by the template apart from FOP's) merged into FOP's pdfaExtension:schemas,
     * so that PDF/A validators find every property declared in the one list they read.
     */
    static byte[] withSchemasMerged(byte[] packet) throws IOException {
        Document xmp = parse(packet);
        if (!mergeSchemas(xmp)) {
            return packet;
        }
        return serialise(xmp);
    }

    private static boolean mergeSchemas(Document xmp) throws IOException {
        Element held = (Element) xmp.getElementsByTagNameNS(HELD_SCHEMAS, "schemas").item(0);
        if (held == null) {
            return false;
        }
        Element heldBag = (Element) held.getElementsByTagNameNS(RDF, "Bag").item(0);
        Element schemas = (Element) xmp.getElementsByTagNameNS(PDFA_EXTENSION, "schemas").item(0);
        if (schemas == null) {
            // no extension schemas of FOP's: ours become the document's
            Element own = xmp.createElementNS(PDFA_EXTENSION, "pdfaExtension:schemas");
            held.getParentNode().insertBefore(own, held);
            own.appendChild(heldBag);
        } else {
            Element bag = (Element) schemas.getElementsByTagNameNS(RDF, "Bag").item(0);
            if (bag == null || heldBag == null) {
                throw new IOException("the XMP extension schemas are not a bag");
            }
            while (heldBag.hasChildNodes()) {
                bag.appendChild(heldBag.getFirstChild());
            }
        }
        held.getParentNode().removeChild(held);
        return true;
    }

    static byte[] withLanguages(byte[] packet, List<String> languages) throws IOException {
        Document xmp = parse(packet);
        mergeSchemas(xmp);
        Element language = (Element) xmp.getElementsByTagNameNS(DC, "language").item(0);
        if (language == null) {
            throw new IOException("the XMP packet has no dc:language");
        }
        while (language.hasChildNodes()) {
            language.removeChild(language.getFirstChild());
        }
        Element bag = xmp.createElementNS(RDF, "rdf:Bag");
        for (String code : languages) {
            Element li = xmp.createElementNS(RDF, "rdf:li");
            li.setTextContent(code);
            bag.appendChild(li);
        }
        language.appendChild(bag);
        return serialise(xmp);
    }

    private static Document parse(byte[] packet) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new ByteArrayInputStream(packet));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the XMP packet cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] serialise(Document xmp) {
        DOMImplementationLS ls = (DOMImplementationLS) xmp.getImplementation().getFeature("LS", "3.0");
        LSSerializer serializer = ls.createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        LSOutput output = ls.createLSOutput();
        output.setEncoding("UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.setByteStream(out);
        // Keep the xpacket processing instructions around the root, as XMP packets require.
        for (Node child = xmp.getFirstChild(); child != null; child = child.getNextSibling()) {
            serializer.write(child, output);
        }
        return out.toByteArray();
    }
}
