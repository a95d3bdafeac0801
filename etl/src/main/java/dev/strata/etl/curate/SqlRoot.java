package dev.strata.etl.curate;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where transformation SQL is read from at run time: the {@code sql/} folder packaged in the jar, or
 * a folder or {@code s3a://} prefix given with {@code --sql-root}, so a mapping change needs no rebuild.
 */
public final class SqlRoot {

    private final Optional<String> root;
    private final Lake lake;

    public SqlRoot(Optional<String> root, Lake lake) {
        this.root = Objects.requireNonNull(root, "root is null").map(r -> r.endsWith("/") ? r : r + "/");
        this.lake = Objects.requireNonNull(lake, "lake is null");
    }

    public String describe() {
        return root.orElse("classpath:sql/");
    }

    public String read(String relativePath) {
        if (relativePath.contains("..")) {
            throw new UserError("SQL path " + relativePath + " must not contain '..'");
        }
        if (root.isPresent()) {
            String location = root.get() + relativePath;
            if (!lake.exists(location)) {
                throw new UserError("SQL file " + location + " does not exist (check --sql-root and the spec's sql:)");
            }
            return lake.readText(location);
        }
        try (InputStream in = SqlRoot.class.getClassLoader().getResourceAsStream("sql/" + relativePath)) {
            if (in == null) {
                throw new UserError("SQL file sql/" + relativePath + " is not in the jar (give --sql-root DIR)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read SQL file sql/" + relativePath + ": " + e.getMessage());
        }
    }

    /** The statement without comments-only lines at the end and without a trailing semicolon. */
    public static String statement(String text) {
        String s = text.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
