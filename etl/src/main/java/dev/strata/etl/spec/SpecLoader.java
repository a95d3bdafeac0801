package dev.strata.etl.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a pipeline spec from YAML and checks it whole before anything runs: every mistake is
 * reported with its file, its path in the file and what is wrong, all at once.
 */
public final class SpecLoader {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private static final Set<String> TOP = Set.of("pipeline", "description", "variables", "sources", "curated",
            "staging", "identity", "publish", "views", "dashboard");
    private static final Set<String> CURATED = Set.of("name", "sql", "transform", "mode", "merge_keys",
            "partition_by", "description", "requires", "requires_any", "stage", "cache");

    private final YamlTree yaml = new YamlTree();

    /** A spec in a local file; the file's path is the origin in every problem. */
    public PipelineSpec loadFile(Path file) {
        Objects.requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(List.of(new SpecProblem(file.toString(), "", "no such file")));
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(file.toString(), "", "cannot read: " + e)));
        }
        return load(text, file.toString());
    }

    /** A spec packaged with Strata: {@code pipelines/<name>.yaml} on the class path. */
    public PipelineSpec loadResource(String name) {
        Objects.requireNonNull(name, "name is null");
        String resource = "pipelines/" + name + ".yaml";
        return load(resourceText(resource, "no bundled spec named '" + name + "'"), "classpath:" + resource);
    }

    /** The text of {@code resource} on the class path; {@code missing} is the problem when there is none. */
    private static String resourceText(String resource, String missing) {
        try (InputStream in = SpecLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SpecException(List.of(new SpecProblem("classpath:" + resource, "", missing)));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem("classpath:" + resource, "", "cannot read: " + e)));
        }
    }

    /** The YAML tree of {@code text}, which must be a mapping ({@code expected} says of what). */
    private JsonNode mapping(String text, String origin, String expected) {
        JsonNode tree;
        try {
            tree = yaml.read(text);
        } catch (JsonProcessingException e) {
            throw new SpecException(List.of(yamlProblem(origin, e)));
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(origin, "", "cannot read: " + e)));
        }
        if (tree == null || !tree.isObject()) {
            throw new SpecException(List.of(new SpecProblem(origin, "", expected)));
        }
        return tree;
    }

    /**
     * The core: parses and checks spec text read from anywhere (file, class path, s3a://).
     *
     * @param origin where the text came from, named in every problem and kept in the spec
     * @throws SpecException with every problem found
     */
    public PipelineSpec load(String text, String origin) {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(origin, "origin is null");
        SpecNode.Problems problems = new SpecNode.Problems(origin);
        SpecNode root = new SpecNode(mapping(text, origin, "a spec is a YAML mapping with pipeline: and sources:"), "",
                problems);
        root.allowOnly(TOP);
        String name = name(root.get("pipeline"));
        String description = root.get("description").text("");
        Map<String, String> variables = variables(root.get("variables"));
        Optional<String> staging = root.get("staging").text();
        staging.ifPresent(area -> {
            if (!NAME.matcher(area).matches()) {
                root.get("staging").problem("'" + area + "' is not a valid staging area name");
            }
        });

        List<SourceSpec> sources = new ArrayList<>();
        List<SpecNode> sourceNodes = root.get("sources").items();
        if (root.get("sources").isMissing()) {
            root.get("sources").problem("is required: at least one source");
        } else if (sourceNodes.isEmpty() && root.get("sources").isList()) {
            root.get("sources").problem("at least one source is required");
        }
        Set<String> sourceNames = new HashSet<>();
        Map<String, String> cleanTables = new HashMap<>();
        for (SpecNode node : sourceNodes) {
            new SourceReader(node).read().ifPresent(source -> {
                checkVariables(node.get("path"), source.path(), variables);
                if (!sourceNames.add(source.name())) {
                    node.get("name").problem("source '" + source.name() + "' is declared twice");
                } else {
                    String other = cleanTables.putIfAbsent(source.target().table(), source.name());
                    if (other != null) {
                        node.get("clean").get("table").problem("clean." + source.target().table()
                                + " is already the clean table of source '" + other + "'");
                    }
                }
                sources.add(source);
            });
        }
        List<CuratedStep> curated = new ArrayList<>();
        Set<String> curatedNames = new HashSet<>();
        for (SpecNode node : root.get("curated").items()) {
            curatedStep(node).ifPresent(step -> {
                if (!curatedNames.add(step.name())) {
                    node.get("name").problem("curated step '" + step.name() + "' is declared twice");
                }
                curated.add(step);
            });
        }
        Optional<IdentitySpec> identity = root.has("identity")
                ? new IdentityReader(root.get("identity"), sources, true).read() : Optional.empty();
        PublishSpec publish = new PublishReader(root.get("publish"), name, curated, variables).read();
        List<ViewSpec> views = new ViewReader(root.get("views"), sources).read();
        Optional<DashboardSpec> dashboard = new DashboardReader(root.get("dashboard"), views,
                description.isBlank() ? name : description).read();
        if (!problems.all().isEmpty()) {
            throw new SpecException(problems.all());
        }
        return new PipelineSpec(name, description, origin, variables, sources, curated, staging, identity, publish,
                views, dashboard);
    }

    /**
     * An identity plan alone, read from the class path: a YAML mapping with one key, {@code identity:}, whose
     * settings are those of a pipeline's identity section without its records (the evaluations read their own
     * files), e.g. the bundled {@code identity/febrl.yaml}.
     *
     * @throws SpecException with every problem found
     */
    public IdentitySpec loadIdentityPlan(String resource) {
        Objects.requireNonNull(resource, "resource is null");
        String origin = "classpath:" + resource;
        SpecNode.Problems problems = new SpecNode.Problems(origin);
        SpecNode root = new SpecNode(mapping(resourceText(resource, "no bundled identity plan"), origin,
                "an identity plan is a YAML mapping with identity:"), "", problems);
        root.allowOnly(Set.of("identity"));
        Optional<IdentitySpec> identity = new IdentityReader(root.get("identity"), List.of(), false).read();
        if (!problems.all().isEmpty()) {
            throw new SpecException(problems.all());
        }
        return identity.orElseThrow();
    }

    private static Map<String, String> variables(SpecNode node) {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        if (!node.expectObject()) {
            return variables;
        }
        for (String key : node.fieldNames()) {
            if (!NAME.matcher(key).matches()) {
                node.get(key).problem("'" + key + "' is not a valid variable name");
            }
            variables.put(key, node.get(key).text(""));
        }
        return variables;
    }

    private static void checkVariables(SpecNode where, String path, Map<String, String> variables) {
        java.util.regex.Matcher m = PipelineSpec.VARIABLE.matcher(path);
        while (m.find()) {
            if (!variables.containsKey(m.group(1))) {
                where.problem("uses ${" + m.group(1) + "}, which is not declared under variables:");
            }
        }
    }

    /** Where the YAML parser stopped, with what it expected: SnakeYAML's own mark is the more precise. */
    private static SpecProblem yamlProblem(String origin, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            return new SpecProblem(origin, "line " + (marked.getProblemMark().getLine() + 1), "not valid YAML: "
                    + problem.split("\n")[0]);
        }
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
        return new SpecProblem(origin, where, "not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
    }

    static String name(SpecNode node) {
        String value = node.requiredText();
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            node.problem("'" + value + "' is not a valid name: use lower case letters, digits and _, starting with a letter");
        }
        return value;
    }

    private static Optional<CuratedStep> curatedStep(SpecNode node) {
        if (!node.requireObject("a curated step is a mapping with name:, sql: or transform:, and mode:")) {
            return Optional.empty();
        }
        node.allowOnly(CURATED);
        String name = name(node.get("name"));
        Optional<String> sql = node.get("sql").text();
        Optional<String> transform = node.get("transform").text();
        if (transform.isPresent() && transform.get().isBlank()) {
            node.get("transform").problem("must name a transform");
        }
        if (sql.isPresent() == transform.isPresent()) {
            node.problem("give exactly one of sql: (a file under the SQL root) or transform: (a Java transform name)");
        }
        sql.ifPresent(path -> {
            if (!path.endsWith(".sql")) {
                node.get("sql").problem("'" + path + "' must name a .sql file");
            }
            if (path.contains("..") || path.startsWith("/")) {
                node.get("sql").problem("'" + path + "' must be a relative path under the SQL root, without '..'");
            }
        });
        String modeText = node.get("mode").text("merge");
        CuratedMode mode;
        try {
            mode = CuratedMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.get("mode").problem("unknown mode '" + modeText + "'; use merge, replace, replace_partitions, scd2 or view");
            mode = null;
        }
        List<String> mergeKeys = node.get("merge_keys").strings();
        List<String> partitionBy = node.get("partition_by").strings();
        if ((mode == CuratedMode.MERGE || mode == CuratedMode.SCD2) && mergeKeys.isEmpty()) {
            node.get("merge_keys").problem("mode " + mode.specName()
                    + (node.has("mode") ? "" : " (the default)") + " needs merge_keys");
        }
        if (mode == CuratedMode.REPLACE_PARTITIONS && partitionBy.isEmpty()) {
            node.get("partition_by").problem("mode replace_partitions needs partition_by");
        }
        for (String column : mergeKeys) {
            checkName(node.get("merge_keys"), column);
        }
        for (String column : partitionBy) {
            checkName(node.get("partition_by"), column);
        }
        List<String> requires = node.get("requires").strings();
        List<String> requiresAny = node.get("requires_any").strings();
        for (String table : requires) {
            checkTable(node.get("requires"), table);
        }
        for (String table : requiresAny) {
            checkTable(node.get("requires_any"), table);
        }
        boolean cache = node.get("cache").bool(false);
        if (cache && mode != null && mode != CuratedMode.VIEW) {
            node.get("cache").problem("cache: true is for mode view (a written table is read from the lake)");
        }
        return mode == null ? Optional.empty()
                : Optional.of(new CuratedStep(name, sql, transform, mode, mergeKeys, partitionBy, requires,
                        requiresAny, node.get("stage").bool(true), cache));
    }

    private static void checkTable(SpecNode node, String value) {
        if (!value.matches("(clean|curated|quarantine)\\.[a-z][a-z0-9_]*")) {
            node.problem("'" + value + "' is not a table name like clean.x or curated.y");
        }
    }

    private static void checkName(SpecNode node, String value) {
        if (!NAME.matcher(value).matches()) {
            node.problem("'" + value + "' is not a valid column name");
        }
    }
}
