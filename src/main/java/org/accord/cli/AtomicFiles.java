package org.accord.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
                // CREATE_NEW under a random name: permissions follow the umask, as for any file the user writes.
                Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
                temps.add(temp);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                    ByteBuffer buffer = ByteBuffer.wrap(contents.get(i));
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
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
