package org.accord.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes files so that a reader sees each one whole or not at all: temp file, fsync, atomic rename. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes every file to a temp file first; renames them into place only once all are durable. */
    static void writeAll(List<Path> targets, List<byte[]> contents) throws IOException {
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                Path target = targets.get(i).toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                temps.add(temp);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(java.nio.ByteBuffer.wrap(contents.get(i)));
                    ch.force(true);
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                Files.move(temps.get(i), targets.get(i).toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
