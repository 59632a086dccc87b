package org.accord.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.model.EventSeverity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XSL-FO → PDF/A-3b with one {@link FopFactory} for the process. The FO is fed through a SAX parser that
 * refuses DOCTYPEs and external entities; FOP reads resources only through {@link ConfinedResourceResolver};
 * a missing glyph, a font substitution, a refused resource or any FOP error fails the render.
 */
final class FopEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FopEngine.class);
    static final String CONFIG = "fonts/fop.xconf";

    private final FopFactory factory;
    private final SAXParserFactory saxFactory;

    FopEngine(ClassLoader loader) {
        ConfinedResourceResolver resolver = new ConfinedResourceResolver(loader);
        try (InputStream conf = loader.getResourceAsStream(CONFIG)) {
            if (conf == null) {
                throw new IllegalStateException(CONFIG + " is not on the class path");
            }
            this.factory = new FopConfParser(conf, ConfinedResourceResolver.BASE, resolver)
                    .getFopFactoryBuilder().build();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot read " + CONFIG + ": " + e.getMessage(), e);
        }
        this.saxFactory = secureSaxFactory();
    }

    /** Renders hold the read lock; teaching the hyphenation trees a word holds the write lock. */
    private final java.util.concurrent.locks.ReadWriteLock hyphenation = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final java.util.Set<String> protectedWords = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Renders one FO document, after the words in {@code unbreakable} (by language) have been made hyphenation
     * exceptions without a break point: FOP decides hyphenation per block, so an inline cannot keep an acronym or a
     * party's name whole; its hyphenation trees can.
     */
    byte[] render(String fo, java.util.Map<String, java.util.Set<String>> unbreakable) {
        boolean fresh = unbreakable.entrySet().stream()
                .anyMatch(e -> e.getValue().stream().anyMatch(w -> !protectedWords.contains(e.getKey() + ":" + w)));
        if (fresh) {
            hyphenation.writeLock().lock();
            try {
                FOUserAgent agent = factory.newFOUserAgent();
                unbreakable.forEach((lang, words) -> {
                    org.apache.fop.hyphenation.HyphenationTree tree = org.apache.fop.hyphenation.Hyphenator.getHyphenationTree(
                            lang, null, factory.getHyphenationResourceResolver(), factory.getHyphenationPatternNames(), agent);
                    for (String word : words) {
                        if (tree != null && protectedWords.add(lang + ":" + word)) {
                            String key = normalised(tree, word);
                            tree.addException(key, new java.util.ArrayList<>(List.of(key)));
                        }
                    }
                });
            } finally {
                hyphenation.writeLock().unlock();
            }
        }
        hyphenation.readLock().lock();
        try {
            return render(fo);
        } finally {
            hyphenation.readLock().unlock();
        }
    }

    /**
     * {@code word} as the hyphenation tree looks its exceptions up: each letter through the patterns' character classes
     * (the English patterns map I to ı and S to ſ, for instance). FOP keeps the class map to itself; without it the
     * word is used as written, which protects it in lower case only.
     */
    private static String normalised(org.apache.fop.hyphenation.HyphenationTree tree, String word) {
        try {
            java.lang.reflect.Field field = org.apache.fop.hyphenation.HyphenationTree.class.getDeclaredField("classmap");
            field.setAccessible(true);
            org.apache.fop.hyphenation.TernaryTree classes = (org.apache.fop.hyphenation.TernaryTree) field.get(tree);
            StringBuilder key = new StringBuilder(word.length());
            for (char c : word.toCharArray()) {
                int mapped = classes.find(new char[] {c, 0}, 0);
                key.append(mapped < 0 ? c : (char) mapped);
            }
            return key.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("hyphenation classes not readable: {}", e.toString());
            return word;
        }
    }

    /** Renders one FO document into PDF bytes. */
    byte[] render(String fo) {
        FOUserAgent agent = factory.newFOUserAgent();
        agent.setProducer("Accord");
        List<String> failures = new ArrayList<>();
        agent.getEventBroadcaster().addEventListener(event -> listen(event, failures));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            Fop fop;
            // FOP reads its configuration DOM in every newFop(); Xerces DOM is not thread-safe.
            synchronized (factory) {
                fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
            }
            XMLReader reader = saxFactory.newSAXParser().getXMLReader();
            reader.setContentHandler(fop.getDefaultHandler());
            reader.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
            reader.parse(new InputSource(new StringReader(fo)));
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            failures.add(0, describe(e));
            throw new RenderException("the PDF could not be rendered: " + String.join("; ", failures), e);
        }
        if (!failures.isEmpty()) {
            throw new RenderException("the PDF could not be rendered: " + String.join("; ", failures));
        }
        return out.toByteArray();
    }

    private static void listen(Event event, List<String> failures) {
        String id = event.getEventID();
        String message = EventFormatter.format(event);
        boolean fatal = event.getSeverity() == EventSeverity.ERROR || event.getSeverity() == EventSeverity.FATAL
                || id.endsWith("FontEventProducer.glyphNotAvailable")
                || id.endsWith("FontEventProducer.fontSubstituted")
                || id.contains("ResourceEventProducer")
                || id.contains("BlockLevelEventProducer.overflow")
                // agreement text that runs past the bottom of a page is not printed: words lost from the original
                // (a running footer too full, e.g. the initials line of very many parties, is still only logged)
                || id.endsWith("BlockLevelEventProducer.regionOverflow");
        if (fatal) {
            failures.add(message);
        } else if (event.getSeverity() == EventSeverity.WARN) {
            LOG.warn("FOP: {}", message);
        } else {
            LOG.debug("FOP: {}", message);
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static SAXParserFactory secureSaxFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
    }
}
