package dev.strata.etl.clean;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Cuts large uncompressed files of one-line records into parts that each start at a line start and know the
 * number of their first line, without the driver reading them: the file is sliced by size, one Spark task per
 * slice counts the slice's line feeds and finds the first line that starts in it (reading one byte before the
 * slice), and the driver adds the counts up. Every byte is read once, by the executors, in parallel.
 */
final class LineCuts {

    private LineCuts() {
    }

    /** A file to cut, with its size in bytes. */
    record Sized(FileTask whole, long bytes) {
    }

    /** A slice {@code [start, end)} of file number {@code file}. */
    record Slice(int file, long start, long end) implements Serializable {
    }

    /** What a slice holds: its line feeds, and the position of the first line feed at or after {@code start - 1}. */
    record Found(int file, long start, long lineFeeds, long firstBreak) implements Serializable {
    }

    /** The files cut into parts of about {@code partBytes}, in file order, each file's parts in order. */
    static List<FileTask> parts(JavaSparkContext context, Configuration conf, List<Sized> files, long partBytes) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<Slice> slices = new ArrayList<>();
        String[] paths = new String[files.size()];
        for (int f = 0; f < files.size(); f++) {
            paths[f] = files.get(f).whole().path();
            slices.addAll(slices(f, files.get(f).bytes(), partBytes));
        }
        SerializableConfiguration hadoop = new SerializableConfiguration(conf);
        // one slice a partition, so collect gives them back in order: each file's slices together, by start
        List<Found> found = context.parallelize(slices, slices.size()).map(slice -> scan(hadoop.value(),
                paths[slice.file()], slice)).collect();
        List<FileTask> parts = new ArrayList<>();
        int from = 0;
        for (int f = 0; f < files.size(); f++) {
            int to = from;
            while (to < found.size() && found.get(to).file() == f) {
                to++;
            }
            parts.addAll(cut(files.get(f), found.subList(from, to)));
            from = to;
        }
        return parts;
    }

    /** The slices of file number {@code file}, of {@code bytes} bytes, in order. */
    static List<Slice> slices(int file, long bytes, long partBytes) {
        List<Slice> slices = new ArrayList<>();
        for (long start = 0; start < bytes || start == 0; start += partBytes) {
            slices.add(new Slice(file, start, Math.min(bytes, start + partBytes)));
        }
        return slices;
    }

    /**
     * Whether text in this encoding can be cut at line-feed bytes: a line feed is the one byte 10, which no
     * other character's bytes hold (true of ASCII, UTF-8 and the single-byte encodings; not of UTF-16).
     */
    static boolean cutsAtLineFeeds(java.nio.charset.Charset charset) {
        return java.util.Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})
                && java.util.Arrays.equals("A".getBytes(charset), new byte[] {'A'});
    }

    /** A file's parts from what its slices hold, in order of their start. */
    static List<FileTask> cut(Sized file, List<Found> slices) {
        List<long[]> cuts = new ArrayList<>();
        cuts.add(new long[] {0, 1});
        long before = 0;
        for (Found slice : slices) {
            if (slice.start() > 0 && slice.firstBreak() >= 0) {
                long at = slice.firstBreak() + 1;
                // the line feeds before the cut: those of the earlier slices, and the first of this one when it is
                // inside the slice (not the byte just before it)
                long lines = before + (slice.firstBreak() >= slice.start() ? 1 : 0);
                if (at < file.bytes() && at > cuts.get(cuts.size() - 1)[0]) {
                    cuts.add(new long[] {at, 1 + lines});
                }
            }
            before += slice.lineFeeds();
        }
        List<FileTask> parts = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            long end = i + 1 < cuts.size() ? cuts.get(i + 1)[0] : file.bytes();
            parts.add(file.whole().part(cuts.get(i)[0], end, cuts.get(i)[1]));
        }
        return parts;
    }

    /** What one slice of a file holds (the work of one task). */
    static Found scan(Configuration conf, String file, Slice slice) {
        long from = Math.max(0, slice.start() - 1);
        long lineFeeds = 0;
        long firstBreak = -1;
        Path path = new Path(file);
        try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
            in.seek(from);
            byte[] buffer = new byte[1 << 20];
            long position = from;
            while (position < slice.end()) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, slice.end() - position));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        long at = position + i;
                        if (firstBreak < 0) {
                            firstBreak = at;
                        }
                        if (at >= slice.start()) {
                            lineFeeds++;
                        }
                    }
                }
                position += n;
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Found(slice.file(), slice.start(), lineFeeds, firstBreak);
    }
}
