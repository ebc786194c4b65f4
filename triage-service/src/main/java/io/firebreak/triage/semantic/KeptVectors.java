package io.firebreak.triage.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The vectors one model made for the words it read, kept in a file between runs: the model gives the same words the
 * same vector, so a vector read back is the one the model would make again (the file's name says which model, by a
 * digest of its files). A file holds its format, the vectors' length, the words and vectors, and a checksum of them
 * all; a missing one reads as empty, and one of another format, cut short or damaged is refused (the reader logs it
 * and the model makes its vectors again). Written whole to a file beside it and moved over it, so a reader never sees
 * half a file and two writers at once leave one of theirs.
 */
final class KeptVectors {

    /** "FBV1": the format. */
    private static final int FORMAT = 0x46425631;

    private KeptVectors() {}

    /**
     * The vectors kept in this file, by the words they were made from; empty when there is none. One that cannot be
     * read whole throws.
     */
    static Map<String, float[]> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Map.of();
        CRC32 checksum = new CRC32();
        try (DataInputStream in = new DataInputStream(
                new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), checksum))) {
            if (in.readInt() != FORMAT) throw new IOException(file + " is not a file of kept vectors");
            int dimension = in.readInt();
            if (dimension <= 0 || dimension > 1 << 16) throw new IOException(file + " is damaged");
            int count = in.readInt();
            if (count < 0) throw new IOException(file + " is damaged");
            Map<String, float[]> vectors = new HashMap<>(Math.min(count, 1 << 20) * 2);
            for (int i = 0; i < count; i++) {
                String words = in.readUTF();
                float[] vector = new float[dimension];
                for (int j = 0; j < dimension; j++) vector[j] = in.readFloat();
                vectors.put(words, vector);
            }
            long expected = checksum.getValue();
            if (in.readLong() != expected) throw new IOException(file + " is damaged: its checksum does not match");
            return vectors;
        } catch (EOFException e) {
            throw new IOException(file + " is cut short", e);
        }
    }

    /** Keeps these vectors, all of one length, in this file (and the directories it needs), in place of any before. */
    static void write(Path file, Map<String, float[]> vectors) throws IOException {
        int dimension = vectors.values().stream().findAny().map(v -> v.length).orElse(1);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path written = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            CRC32 checksum = new CRC32();
            try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(written), 1 << 16), checksum))) {
                out.writeInt(FORMAT);
                out.writeInt(dimension);
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    if (e.getValue().length != dimension) {
                        throw new IllegalArgumentException("A vector of length " + e.getValue().length);
                    }
                    out.writeUTF(e.getKey());
                    for (float x : e.getValue()) out.writeFloat(x);
                }
                out.flush();
                out.writeLong(checksum.getValue());
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
