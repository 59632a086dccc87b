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

    static byte[] withLanguages(byte[] packet, List<String> languages) throws IOException {
        Document xmp = parse(packet);
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
