package dev.strata.etl.lake;

import dev.strata.etl.UserError;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a lake's folders are on S3, as Athena, Spectrum and Redshift COPY name them: the lake's own location
 * when it is on S3, else the root a command line gives for a local lake ({@code --location-root}), so that DDL
 * and dry-run plans of a local lake say where the same folders would be, for example after
 * {@code aws s3 sync ./lake s3://bucket/prefix}.
 */
public final class LocationRoot {

    private final String lakeRoot;
    private final Optional<String> s3Root;

    private LocationRoot(String lakeRoot, Optional<String> s3Root) {
        this.lakeRoot = Objects.requireNonNull(lakeRoot, "lakeRoot is null");
        this.s3Root = Objects.requireNonNull(s3Root, "s3Root is null");
    }

    /**
     * The locations of {@code lake}.
     *
     * @param given {@code --location-root}: {@code s3://bucket[/prefix]}, only for a local lake
     */
    public static LocationRoot of(Lake lake, Optional<String> given) {
        Objects.requireNonNull(lake, "lake is null");
        Objects.requireNonNull(given, "given is null");
        boolean onS3 = onS3(lake.root());
        if (given.isPresent()) {
            String root = given.get();
            if (onS3) {
                throw new UserError("--location-root is for a local lake; " + lake.root() + " is on S3 already");
            }
            checkSyntax(root);
            return new LocationRoot(lake.root(), Optional.of(root.replaceAll("/+$", "")));
        }
        return new LocationRoot(lake.root(), onS3 ? Optional.of(lake.root()) : Optional.empty());
    }

    /** Refuses a {@code --location-root} that is not {@code s3://BUCKET[/PREFIX]}. */
    public static void checkSyntax(String root) {
        Objects.requireNonNull(root, "root is null");
        if (!root.matches("s3a?://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[A-Za-z0-9!_.*()/=-]*)?")) {
            throw new UserError("--location-root takes s3://BUCKET[/PREFIX], not '" + root + "'");
        }
    }

    /** True for {@code s3://}, {@code s3a://} and {@code s3n://} URIs. */
    public static boolean onS3(String uri) {
        return uri.startsWith("s3://") || uri.startsWith("s3a://") || uri.startsWith("s3n://");
    }

    /** True when locations can be given: the lake is on S3, or a root was given for it. */
    public boolean known() {
        return s3Root.isPresent();
    }

    /** True when the lake itself is on S3. */
    public boolean lakeOnS3() {
        return onS3(lakeRoot);
    }

    /** The S3 location of a folder or file of the lake, when {@link #known()}. */
    public Optional<String> locate(String location) {
        Objects.requireNonNull(location, "location is null");
        if (s3Root.isEmpty()) {
            return Optional.empty();
        }
        if (lakeOnS3()) {
            return Optional.of(location);
        }
        if (!location.equals(lakeRoot) && !location.startsWith(lakeRoot + "/")) {
            throw new UserError(location + " is not inside the lake " + lakeRoot + ", so --location-root cannot place it");
        }
        return Optional.of(s3Root.get() + location.substring(lakeRoot.length()));
    }
}
