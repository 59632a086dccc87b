package org.accord.pki;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an installed distribution lives: {@code bin/accord} sets the system property {@code accord.home} to it, and the
 * sample PKI, the default data directory and {@code conf/accord.properties} are found there, whatever the working
 * directory. Without the property (run from a checkout with {@code java -jar target/accord.jar}) paths stay relative to
 * the working directory, as before.
 */
public final class Home {

    /** The system property the launcher sets. */
    public static final String PROPERTY = "accord.home";

    private Home() {
    }

    /** The installation directory, when started from one. */
    public static Optional<Path> dir() {
        String home = System.getProperty(PROPERTY);
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home).toAbsolutePath().normalize());
    }

    /** {@code path} against the installation when it is relative and there is one; else {@code path} itself. */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : dir().map(h -> h.resolve(p)).orElse(p);
    }

    /** The sample PKI's directory: {@code keystores-sample} in the installation, or in the working directory. */
    public static Path samplePki() {
        return resolve("keystores-sample");
    }

    /** The installation's {@code conf/accord.properties}, when there is an installation and the file exists. */
    public static Optional<Path> configFile() {
        return dir().map(h -> h.resolve("conf").resolve("accord.properties")).filter(java.nio.file.Files::isRegularFile);
    }
}
