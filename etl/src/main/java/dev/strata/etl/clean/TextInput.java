package dev.strata.etl.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Opens a raw file for reading as text, decompressing by extension; bad bytes become U+FFFD. Files are reached
 * with the command's Hadoop configuration (on executors, the copy its task carries).
 */
final class TextInput {

    static final char REPLACEMENT = '\uFFFD';

    private TextInput() {
    }

    /** What a task reads: its file whole (decompressed), or its part of it. */
    static BufferedReader open(Configuration conf, FileTask task, Charset charset) throws IOException {
        return task.wholeFile() ? open(conf, task.path(), charset)
                : open(conf, task.path(), charset, task.start(), task.end());
    }

    /** The bytes {@code [start, end)} of an uncompressed file as text. */
    static BufferedReader open(Configuration conf, String file, Charset charset, long start, long end)
            throws IOException {
        Path path = new Path(file);
        org.apache.hadoop.fs.FSDataInputStream in = path.getFileSystem(conf).open(path);
        in.seek(start);
        InputStream bounded = new Bounded(in, end - start);
        return new BufferedReader(new InputStreamReader(bounded, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    /** Whether a file is read through a decompressing codec (and so cannot be cut into parts). */
    static boolean compressed(Configuration conf, String file) {
        return new CompressionCodecFactory(conf).getCodec(new Path(file)) != null;
    }

    static BufferedReader open(Configuration conf, String file, Charset charset) throws IOException {
        Path path = new Path(file);
        InputStream in = path.getFileSystem(conf).open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        if (codec != null) {
            in = codec.createInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Bounded extends java.io.FilterInputStream {

        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
