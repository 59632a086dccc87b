package org.accord.verify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * A report frozen into bytes to be kept (for the archivist's downloads, on whichever node they are asked for) and thawed
 * back equal. Only the report's own types, the JDK's values and collections and DSS's indications are read back; any
 * other class in the bytes is refused before it is made, as are graphs deeper or larger than a report can be.
 */
public final class KeptReport {

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=40", "maxrefs=200000", "maxbytes=" + (64L << 20), "maxarray=1000000",
            "org.accord.verify.*", "org.accord.model.Text",
            "java.lang.*", "java.time.*", "java.util.*", "java.math.*",
            "eu.europa.esig.dss.enumerations.*", "!*"));

    private KeptReport() {
    }

    /** The report as bytes. */
    public static byte[] freeze(DocumentReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        } catch (IOException e) {
            throw new UncheckedIOException("the report cannot be kept", e);
        }
        return bytes.toByteArray();
    }

    /** The report {@link #freeze} made these bytes of; IllegalArgumentException for bytes it did not make. */
    public static DocumentReport thaw(byte[] frozen) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(frozen))) {
            in.setObjectInputFilter(FILTER);
            return (DocumentReport) in.readObject();
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a kept report", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a kept report", e);
        }
    }
}
