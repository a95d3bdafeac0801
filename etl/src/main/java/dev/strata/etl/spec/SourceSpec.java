package dev.strata.etl.spec;

import dev.strata.transforms.clean.CleanSpec;
import dev.strata.transforms.clean.DerivedColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One source of a pipeline: where its files are, how to read them and how to clean them.
 *
 * @param files a glob on file names inside {@code path}, matched ignoring case (e.g. {@code PATIENTS.csv*})
 * @param optional whether a run goes on without this source when no file matches (with a warning)
 * @param derive columns computed in the clean stage from the clean rows, in order, stored in the clean table
 *     (and so in the event history) after the declared fields
 * @param drift what a file whose columns differ from the schema does; when extra columns are rescued, the
 *     clean spec's last field is {@link SchemaDrift#RESCUED}
 */
public record SourceSpec(String name, String path, Optional<String> files, boolean optional, SourceFormat format,
        CsvOptions csv, CleanSpec clean, List<DerivedColumn> derive, CleanTarget target, SchemaDrift drift) {

    public SourceSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(files, "files is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(csv, "csv is null");
        Objects.requireNonNull(clean, "clean is null");
        derive = List.copyOf(Objects.requireNonNull(derive, "derive is null"));
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(drift, "drift is null");
    }

    public SourceSpec(String name, String path, Optional<String> files, boolean optional, SourceFormat format,
            CsvOptions csv, CleanSpec clean, List<DerivedColumn> derive, CleanTarget target) {
        this(name, path, files, optional, format, csv, clean, derive, target, SchemaDrift.defaults());
    }

    public SourceSpec(String name, String path, SourceFormat format, CsvOptions csv, CleanSpec clean,
            CleanTarget target) {
        this(name, path, Optional.empty(), false, format, csv, clean, List.of(), target);
    }

    public SourceSpec withPath(String newPath) {
        return new SourceSpec(name, newPath, files, optional, format, csv, clean, derive, target, drift);
    }

    /** Whether a field is the column that keeps a file's undeclared columns (computed, not read by name). */
    public boolean rescues(String field) {
        return drift.extra() == SchemaDrift.Extra.RESCUE && field.equals(SchemaDrift.RESCUED);
    }

    /** The columns of the clean table before its metadata: the declared fields, then the derived columns. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(clean.fieldNames());
        derive.forEach(d -> columns.add(d.name()));
        return columns;
    }
}
