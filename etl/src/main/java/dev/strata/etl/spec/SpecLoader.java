package dev.strata.etl.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a pipeline spec from YAML and checks it whole before anything runs: every mistake is
 * reported with its file, its path in the file and what is wrong, all at once.
 */
public final class SpecLoader {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private static final Set<String> TOP = Set.of("pipeline", "description", "sources", "curated");
    private static final Set<String> CURATED = Set.of("name", "sql", "transform", "mode", "merge_keys",
            "partition_by", "description");

    public PipelineSpec loadFile(Path file) {
        try {
            return load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(file.toString(), "", "cannot read: " + e.getMessage())));
        }
    }

    /** A spec packaged with Strata: {@code pipelines/<name>.yaml} on the class path. */
    public PipelineSpec loadResource(String name) {
        String resource = "pipelines/" + name + ".yaml";
        try (InputStream in = SpecLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SpecException(List.of(new SpecProblem(resource, "", "no bundled spec of that name")));
            }
            return load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(resource, "", "cannot read: " + e.getMessage())));
        }
    }

    public PipelineSpec load(String text, String origin) {
        SpecNode.Problems problems = new SpecNode.Problems(origin);
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw new SpecException(List.of(new SpecProblem(origin, where, "not valid YAML: "
                    + e.getOriginalMessage().split("\n")[0])));
        }
        SpecNode root = new SpecNode(tree, "", problems);
        if (tree == null || !tree.isObject()) {
            throw new SpecException(List.of(new SpecProblem(origin, "", "a spec is a YAML mapping with pipeline: and sources:")));
        }
        root.allowOnly(TOP);
        String name = name(root.get("pipeline"));
        String description = root.get("description").text("");

        List<SourceSpec> sources = new ArrayList<>();
        List<SpecNode> sourceNodes = root.get("sources").items();
        if (sourceNodes.isEmpty()) {
            root.get("sources").problem("at least one source is required");
        }
        Set<String> sourceNames = new HashSet<>();
        for (SpecNode node : sourceNodes) {
            new SourceReader(node).read().ifPresent(source -> {
                if (!sourceNames.add(source.name())) {
                    node.get("name").problem("source '" + source.name() + "' is declared twice");
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
        if (!problems.all().isEmpty()) {
            throw new SpecException(problems.all());
        }
        return new PipelineSpec(name, description, origin, sources, curated);
    }

    static String name(SpecNode node) {
        String value = node.requiredText();
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            node.problem("'" + value + "' is not a valid name: use lower case letters, digits and _, starting with a letter");
        }
        return value;
    }

    private static Optional<CuratedStep> curatedStep(SpecNode node) {
        if (!node.expectObject()) {
            node.problem("a curated step needs name:, sql: or transform:, and mode:");
            return Optional.empty();
        }
        node.allowOnly(CURATED);
        String name = name(node.get("name"));
        Optional<String> sql = node.get("sql").text();
        Optional<String> transform = node.get("transform").text();
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
        CuratedMode mode = CuratedMode.MERGE;
        try {
            mode = CuratedMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.get("mode").problem("unknown mode '" + modeText + "'; use merge, replace, replace_partitions or scd2");
        }
        List<String> mergeKeys = node.get("merge_keys").strings();
        List<String> partitionBy = node.get("partition_by").strings();
        if ((mode == CuratedMode.MERGE || mode == CuratedMode.SCD2) && mergeKeys.isEmpty()) {
            node.get("merge_keys").problem("mode " + mode.specName() + " needs merge_keys");
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
        return Optional.of(new CuratedStep(name, sql, transform, mode, mergeKeys, partitionBy));
    }

    private static void checkName(SpecNode node, String value) {
        if (!NAME.matcher(value).matches()) {
            node.problem("'" + value + "' is not a valid column name");
        }
    }
}
