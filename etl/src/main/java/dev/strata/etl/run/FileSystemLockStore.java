package dev.strata.etl.run;

import dev.strata.etl.ServiceFailure;
import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lock file on a local or HDFS lake, created only if absent ({@code create(path, false)}, which those file
 * systems make exclusive).
 */
final class FileSystemLockStore implements LockStore {

    private final Lake lake;
    private final Path path;

    FileSystemLockStore(Lake lake, String location) {
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.path = new Path(Objects.requireNonNull(location, "location is null"));
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public boolean create(String owner) {
        FileSystem fs = lake.fileSystem(path.toString());
        try {
            fs.mkdirs(path.getParent());
            try (OutputStream out = fs.create(path, false)) {
                out.write(owner.getBytes(StandardCharsets.UTF_8));
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (lake.exists(path.toString())) {
                return false;
            }
            throw new ServiceFailure("cannot create lock " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    @Override
    public Optional<Held> read() {
        if (!lake.exists(path.toString())) {
            return Optional.empty();
        }
        String owner = lake.readText(path.toString()).trim();
        return Optional.of(new Held(owner, owner));
    }

    /** Removes the stale file and creates a new one. */
    @Override
    public boolean replace(Held stale, String owner) {
        delete();
        return create(owner);
    }

    @Override
    public void delete() {
        try {
            lake.fileSystem(path.toString()).delete(path, false);
        } catch (IOException e) {
            throw new ServiceFailure("cannot remove lock " + path + ": " + ServiceFailure.detail(e), e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
