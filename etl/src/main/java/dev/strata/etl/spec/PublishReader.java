package dev.strata.etl.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the {@code publish:} section of a spec. */
final class PublishReader {

    private static final Set<String> TOP = Set.of("glue", "redshift");
    private static final Set<String> GLUE = Set.of("database_prefix", "databases", "zones", "spectrum",
            "spectrum_suffix");
    private static final Set<String> REDSHIFT = Set.of("url", "user", "password_env", "iam_role", "schema",
            "spectrum_schema", "tables", "load");
    private static final Set<String> TABLE = Set.of("name", "target", "keys", "dist_key", "dist_style", "sort_keys",
            "varchar");
    private static final Set<String> DIST_STYLES = Set.of("auto", "even", "all", "key");
    /** Glue and Redshift names: lower case, digits and underscores (Glue folds names to lower case). */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,126}");
    private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\$\\{[a-z][a-z0-9_]*}");

    private final SpecNode node;
    private final String pipeline;
    private final List<CuratedStep> curated;
    private final Map<String, String> variables;

    PublishReader(SpecNode node, String pipeline, List<CuratedStep> curated, Map<String, String> variables) {
        this.node = node;
        this.pipeline = pipeline;
        this.curated = curated;
        this.variables = variables;
    }

    /** A text setting that may refer to the spec's variables; each must be declared. */
    private Optional<String> text(SpecNode where) {
        Optional<String> value = where.text();
        value.ifPresent(v -> {
            java.util.regex.Matcher m = PipelineSpec.VARIABLE.matcher(v);
            while (m.find()) {
                if (!variables.containsKey(m.group(1))) {
                    where.problem("uses ${" + m.group(1) + "}, which is not declared under variables:");
                }
            }
        });
        return value;
    }

    PublishSpec read() {
        if (!node.expectObject()) {
            return PublishSpec.none();
        }
        node.allowOnly(TOP);
        if (node.fieldNames().isEmpty()) {
            node.problem("is empty: declare glue:, redshift: or both, or leave publish: out");
        }
        Optional<PublishSpec.Glue> glue = node.has("glue") ? glue(node.get("glue")) : Optional.empty();
        Optional<PublishSpec.Redshift> redshift = node.has("redshift") ? redshift(node.get("redshift"))
                : Optional.empty();
        return new PublishSpec(glue, redshift);
    }

    private Optional<PublishSpec.Glue> glue(SpecNode glue) {
        if (glue.isObject()) {
            glue.allowOnly(GLUE);
        } else if (!glue.isMissing() && !glue.bool(false)) {
            return Optional.empty(); // glue: false
        }
        String prefix = glue.get("database_prefix").text("strata_");
        if (!prefix.isEmpty() && !prefix.matches("[a-z][a-z0-9_]*")) {
            glue.get("database_prefix").problem("'" + prefix + "' is not a valid database name prefix: use lower case"
                    + " letters, digits and _");
        }
        Map<String, String> databases = new LinkedHashMap<>();
        for (String zone : PublishSpec.Glue.ZONES) {
            databases.put(zone, zone);
        }
        SpecNode names = glue.get("databases");
        if (names.expectObject()) {
            for (String zone : names.fieldNames()) {
                if (!PublishSpec.Glue.ZONES.contains(zone)) {
                    names.get(zone).problem("unknown zone '" + zone + "'; zones: "
                            + String.join(", ", PublishSpec.Glue.ZONES));
                    continue;
                }
                databases.put(zone, identifier(names.get(zone), names.get(zone).requiredText()));
            }
            if (!names.has("views") && names.has("curated")) {
                databases.put("views", databases.get("curated") + "_views"); // the serving layer beside curated
            }
        }
        List<String> zones = glue.get("zones").isMissing() ? PublishSpec.Glue.ZONES : glue.get("zones").strings();
        for (String zone : zones) {
            if (!PublishSpec.Glue.ZONES.contains(zone)) {
                glue.get("zones").problem("unknown zone '" + zone + "'; zones: " + String.join(", ",
                        PublishSpec.Glue.ZONES));
            }
        }
        String suffix = glue.get("spectrum_suffix").text("_spectrum");
        if (!suffix.matches("[a-z0-9_]+")) {
            glue.get("spectrum_suffix").problem("'" + suffix + "' is not a valid table name suffix");
        }
        return Optional.of(new PublishSpec.Glue(prefix, databases, zones, glue.get("spectrum").bool(true), suffix));
    }

    private Optional<PublishSpec.Redshift> redshift(SpecNode redshift) {
        if (!redshift.requireObject("a mapping with schema: and optionally url:, user:, iam_role:, tables:")) {
            return Optional.empty();
        }
        redshift.allowOnly(REDSHIFT);
        Optional<String> url = text(redshift.get("url"));
        url.ifPresent(u -> {
            if (!u.startsWith("${") && !u.startsWith("jdbc:redshift:") && !u.startsWith("jdbc:postgresql:")) {
                redshift.get("url").problem("'" + u + "' is not a jdbc:redshift: or jdbc:postgresql: URL");
            }
            if (dev.strata.catalog.warehouse.WarehouseConnections.carriesSecret(u)) {
                redshift.get("url").problem("must not hold a password or access key: put the password in the"
                        + " environment variable named by password_env");
            }
        });
        String passwordEnv = redshift.get("password_env").text("STRATA_REDSHIFT_PASSWORD");
        if (!ENV.matcher(passwordEnv).matches()) {
            redshift.get("password_env").problem("'" + passwordEnv + "' is not an environment variable name");
        }
        Optional<String> role = text(redshift.get("iam_role"));
        role.ifPresent(r -> {
            if (!ROLE.matcher(r).matches()) {
                redshift.get("iam_role").problem("'" + r + "' is not an IAM role ARN (arn:aws:iam::123456789012:role/name)");
            }
        });
        String schema = identifier(redshift.get("schema"), redshift.get("schema").text(pipeline));
        Optional<String> spectrumSchema = redshift.get("spectrum_schema").text()
                .map(s -> identifier(redshift.get("spectrum_schema"), s));
        List<PublishSpec.Table> tables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (SpecNode table : redshift.get("tables").items()) {
            table(table).ifPresent(t -> {
                if (!seen.add(t.name())) {
                    table.get("name").problem("table '" + t.name() + "' is listed twice");
                } else if (!targets.add(t.target())) {
                    table.get("target").problem("two tables load into " + schema + "." + t.target());
                }
                tables.add(t);
            });
        }
        String load = redshift.get("load").text("all");
        if (!load.equals("all") && !load.equals("listed")) {
            redshift.get("load").problem("load takes all (every curated table, the default) or listed, not '" + load
                    + "'");
        }
        return Optional.of(new PublishSpec.Redshift(url, text(redshift.get("user")), passwordEnv, role, schema,
                spectrumSchema, tables, load.equals("listed")));
    }

    private Optional<PublishSpec.Table> table(SpecNode table) {
        if (!table.isObject() && !table.isMissing() && table.text().isPresent()) {
            String name = table.text().get();
            return curatedStep(table, name) ? Optional.of(PublishSpec.Table.defaults(name)) : Optional.empty();
        }
        if (!table.requireObject("a table is a curated table's name or a mapping with name:")) {
            return Optional.empty();
        }
        table.allowOnly(TABLE);
        String name = table.get("name").requiredText();
        if (name.isEmpty() || !curatedStep(table.get("name"), name)) {
            return Optional.empty();
        }
        String target = identifier(table.get("target"), table.get("target").text(name));
        Optional<List<String>> keys = table.get("keys").isMissing() ? Optional.empty()
                : Optional.of(columns(table.get("keys"), table.get("keys").strings()));
        Optional<String> distKey = table.get("dist_key").text().map(k -> identifier(table.get("dist_key"), k));
        String distStyle = table.get("dist_style").text(distKey.isPresent() ? "key" : "auto").toLowerCase(Locale.ROOT);
        if (!DIST_STYLES.contains(distStyle)) {
            table.get("dist_style").problem("unknown dist_style '" + distStyle + "'; use auto, even, all or key");
        } else if (distStyle.equals("key") != distKey.isPresent()) {
            table.get("dist_style").problem("dist_style key needs dist_key, and dist_key needs dist_style key");
        }
        List<String> sortKeys = columns(table.get("sort_keys"), table.get("sort_keys").strings());
        Map<String, Integer> varchar = new LinkedHashMap<>();
        SpecNode lengths = table.get("varchar");
        if (lengths.expectObject()) {
            for (String column : lengths.fieldNames()) {
                identifier(lengths.get(column), column);
                long length = lengths.get(column).integer().orElse(0L);
                if (length < 1 || length > 65535) {
                    lengths.get(column).problem("a VARCHAR length is between 1 and 65535 bytes, not " + length);
                } else {
                    varchar.put(column, (int) length);
                }
            }
        }
        return Optional.of(new PublishSpec.Table(name, target, keys, distKey, distStyle, sortKeys, varchar));
    }

    private boolean curatedStep(SpecNode where, String name) {
        Optional<CuratedStep> step = curated.stream().filter(s -> s.name().equals(name)).findFirst();
        if (step.isEmpty()) {
            where.problem("'" + name + "' is not a curated step of this pipeline"
                    + (curated.isEmpty() ? "" : " (they are: " + String.join(", ", curated.stream()
                            .map(CuratedStep::name).toList()) + ")"));
            return false;
        }
        if (step.get().mode() == CuratedMode.VIEW) {
            where.problem("'" + name + "' is a view, which has no data to load");
            return false;
        }
        return true;
    }

    private static List<String> columns(SpecNode where, List<String> names) {
        names.forEach(n -> identifier(where, n));
        return names;
    }

    private static String identifier(SpecNode where, String value) {
        if (!value.isEmpty() && !IDENTIFIER.matcher(value).matches()) {
            where.problem("'" + value + "' is not a valid name: lower case letters, digits and _, at most 127");
        }
        return value;
    }
}
