package dev.strata.etl.lake;

import dev.strata.etl.ServiceFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake's layout: where each zone, the run records, locks and state live. The root is a local
 * folder or an {@code s3a://bucket/prefix} URI; every path goes through Hadoop's FileSystem so the
 * code is the same for both, with the Hadoop configuration of the command (the Spark session's once
 * there is one).
 */
public final class Lake {

    private final String root;
    private final Supplier<Configuration> conf;

    public Lake(String root, Configuration conf) {
        this(root, constant(Objects.requireNonNull(conf, "conf is null")));
    }

    /**
     * A lake whose Hadoop configuration is asked for at each use: the command's, which is the Spark session's
     * from the moment the session exists.
     */
    public Lake(String root, Supplier<Configuration> conf) {
        Objects.requireNonNull(root, "root is null");
        this.conf = Objects.requireNonNull(conf, "conf is null");
        this.root = normalise(root);
    }

    private static Supplier<Configuration> constant(Configuration conf) {
        return () -> conf;
    }

    private static String normalise(String root) {
        String r = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
        if (URI.create(r.replace(" ", "%20")).getScheme() == null) {
            return new java.io.File(r).getAbsoluteFile().toPath().normalize().toUri().toString().replaceAll("/$", "");
        }
        return r;
    }

    public String root() {
        return root;
    }

    public Configuration conf() {
        return Objects.requireNonNull(conf.get(), "the lake's Hadoop configuration is null");
    }

    /** Whether the lake is in S3 ({@code s3a://} or {@code s3://}). */
    public boolean inS3() {
        String scheme = URI.create(root.replace(" ", "%20")).getScheme();
        return "s3a".equals(scheme) || "s3".equals(scheme);
    }

    public String raw(String source) {
        return root + "/raw/" + source;
    }

    public String cleanTable(String table) {
        return root + "/clean/" + table;
    }

    public String quarantineTable(String table) {
        return root + "/quarantine/" + table;
    }

    public String curatedTable(String table) {
        return root + "/curated/" + table;
    }

    /** The append-only event history of a clean table: the master data set of its views. */
    public String historyTable(String table) {
        return root + "/history/" + table;
    }

    /** The folder of a view's layers: batch, speed, serving and the speed layer's checkpoint. */
    public String view(String pipeline, String view) {
        return root + "/views/" + pipeline + "/" + view;
    }

    public String runs() {
        return root + "/_runs";
    }

    /** Scratch space of a pipeline's runs (rows computed once and read by several steps), removed as runs end. */
    public String scratch(String pipeline) {
        return root + "/_scratch/" + pipeline;
    }

    /** Removes a folder and everything under it, if it is there. */
    public void deleteRecursively(String path) {
        try {
            fileSystem(path).delete(new Path(path), true);
        } catch (IOException e) {
            throw new ServiceFailure("cannot remove " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    public String locks() {
        return root + "/_locks";
    }

    public String state(String pipeline, String source) {
        return root + "/_state/" + pipeline + "/" + source;
    }

    public FileSystem fileSystem(String path) {
        try {
            return new Path(path).getFileSystem(conf());
        } catch (IOException e) {
            throw new ServiceFailure("cannot reach the file system of " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    public boolean exists(String path) {
        try {
            return fileSystem(path).exists(new Path(path));
        } catch (IOException e) {
            throw new ServiceFailure("cannot check " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    public String readText(String path) {
        try (InputStream in = fileSystem(path).open(new Path(path))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServiceFailure("cannot read " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    /** Writes a small text file whole: to a temporary name first, then renamed into place. */
    public void writeText(String path, String text) {
        Path target = new Path(path);
        FileSystem fs = fileSystem(path);
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp-" + System.nanoTime());
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename of " + temporary + " failed");
            }
        } catch (IOException e) {
            throw new ServiceFailure("cannot write " + path + ": " + ServiceFailure.detail(e), e);
        }
    }
}
