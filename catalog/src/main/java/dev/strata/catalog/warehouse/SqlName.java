package dev.strata.catalog.warehouse;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A schema, table or column name as the warehouse knows it: letters, digits and underscores, starting with a letter
 * or underscore, at most 127 characters, folded to lower case (Redshift folds names to lower case too).
 * Always written quoted, so a name that is also a reserved word needs no special care.
 */
public record SqlName(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,126}");

    public SqlName {
        Objects.requireNonNull(value, "value is null");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a warehouse name is letters, digits and underscores (at most 127,"
                    + " not starting with a digit), cannot be: '" + value + "'");
        }
    }

    /** Folds {@code raw} to lower case and checks it; {@code what} says in the error what the name is of. */
    public static SqlName of(String what, String raw) {
        Objects.requireNonNull(what, "what is null");
        Objects.requireNonNull(raw, what + " is null");
        String folded = raw.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(folded).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits and underscores (at most 127,"
                    + " not starting with a digit), cannot be: '" + raw + "'");
        }
        return new SqlName(folded);
    }

    /** The name in double quotes, for Redshift, Spectrum and PostgreSQL. */
    public String quoted() {
        return '"' + value + '"';
    }

    /** The name in back quotes, for Athena DDL. */
    public String backQuoted() {
        return '`' + value + '`';
    }

    @Override
    public String toString() {
        return value;
    }
}
