package org.accord.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.model.DesignatedSigner;
import org.accord.model.Text;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an Accord original says about itself in its XMP: the agreement, which original it is, and who is to
 * sign it, and the rule of its entry into force (null when it has none). Read back by signing (for the
 * appearance and /Reason) and by verification.
 */
public record OriginalMetadata(String agreementId, int original, int originals, String layout, List<Signatory> signatories,
                               String entryIntoForce) {

    private static final String PARTY = Renderer.XMP_NAMESPACE + "party/";
    /** Far more than any original's metadata; a stream decoding to more is not read (a decompression bomb). */
    private static final int MAX_XMP = 4 << 20;

    public OriginalMetadata {
        signatories = List.copyOf(signatories);
    }

    /**
     * A party's signature block as the original declares it; {@code function} may be null. {@code designated} says
     * how the signer's certificate is recognised; {@code byNameOnly} is true for originals made before Accord wrote
     * that down, whose signer is recognised by the signatory's English name alone.
     */
    public record Signatory(String partyId, Text shortName, Text heading, Text name, Text function,
                            DesignatedSigner designated, boolean byNameOnly, Text onBehalf) {
    }

    /** The signatory block of {@code partyId}, if the original has one. */
    public Optional<Signatory> signatory(String partyId) {
        return signatories.stream().filter(s -> s.partyId().equals(partyId)).findFirst();
    }

    /** The metadata of an Accord original; empty for any other PDF (or one whose XMP cannot be read). */
    public static Optional<OriginalMetadata> read(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return Optional.empty();
            }
            try (InputStream in = metadata.exportXMPMetadata()) {
                byte[] xmp = in.readNBytes(MAX_XMP + 1);
                if (xmp.length > MAX_XMP) {
                    return Optional.empty();
                }
                return parse(Xmp.read(xmp));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<OriginalMetadata> parse(Document xmp) {
        String id = text(xmp.getDocumentElement(), Renderer.XMP_NAMESPACE, "agreementId");
        if (id == null) {
            return Optional.empty();
        }
        List<Signatory> signatories = new ArrayList<>();
        NodeList parties = xmp.getElementsByTagNameNS(PARTY, "id");
        for (int i = 0; i < parties.getLength(); i++) {
            Element party = (Element) parties.item(i).getParentNode();
            Text name = alt(party, "signatory");
            DesignatedSigner designated = designated(party);
            signatories.add(new Signatory(parties.item(i).getTextContent().strip(), alt(party, "shortName"),
                    alt(party, "heading"), name, alt(party, "function"),
                    designated != null ? designated : name == null ? null : DesignatedSigner.byName(name.en()), designated == null,
                    alt(party, "onBehalf")));
        }
        return Optional.of(new OriginalMetadata(id, integer(xmp, "original"), integer(xmp, "originals"),
                text(xmp.getDocumentElement(), Renderer.XMP_NAMESPACE, "layout"), signatories,
                text(xmp.getDocumentElement(), Renderer.XMP_NAMESPACE, "entryIntoForce")));
    }

    private static int integer(Document xmp, String name) {
        String value = text(xmp.getDocumentElement(), Renderer.XMP_NAMESPACE, name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static String text(Element scope, String ns, String name) {
        NodeList found = scope.getElementsByTagNameNS(ns, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    /** How the party's signer is recognised, as written at issuing; null when the original predates it (or it is unreadable). */
    private static DesignatedSigner designated(Element party) {
        String name = field(party, "signerName");
        if (name == null) {
            return null;
        }
        String certificates = field(party, "signerCertificates");
        try {
            return new DesignatedSigner(name, field(party, "signerOrganization"), field(party, "signerIssuer"),
                    certificates == null ? List.of() : List.of(certificates.split("\\s+")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String field(Element party, String name) {
        NodeList found = party.getElementsByTagNameNS(PARTY, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    /** A Lang Alt field of a party struct as {en, ru}; null when absent. */
    private static Text alt(Element party, String field) {
        NodeList found = party.getElementsByTagNameNS(PARTY, field);
        if (found.getLength() == 0) {
            return null;
        }
        String en = null;
        String ru = null;
        NodeList items = ((Element) found.item(0)).getElementsByTagNameNS(Xmp.RDF, "li");
        for (int i = 0; i < items.getLength(); i++) {
            Node li = items.item(i);
            String lang = ((Element) li).getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            if ("en".equals(lang)) {
                en = li.getTextContent();
            } else if ("ru".equals(lang)) {
                ru = li.getTextContent();
            }
        }
        return en == null || ru == null ? null : new Text(en, ru);
    }
}
