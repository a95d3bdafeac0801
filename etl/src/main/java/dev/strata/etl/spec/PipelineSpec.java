package dev.strata.etl.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole pipeline as declared in its YAML file.
 *
 * @param variables the spec's variables with their defaults; {@code ${name}} in a source path is replaced
 * @param staging an area under {@code <lake>/staging/} where curated tables are also written as Parquet
 * @param identity identity resolution over the clean tables, run between clean and curate
 * @param publish where the tables are published after a run (Glue, Redshift)
 * @param views Lambda-architecture views over the sources' event histories
 * @param dashboard charts over the views' serving layers, drawn by {@code strata dashboard}
 */
public record PipelineSpec(String name, String description, String origin, Map<String, String> variables,
        List<SourceSpec> sources, List<CuratedStep> curated, Optional<String> staging, Optional<IdentitySpec> identity,
        PublishSpec publish, List<ViewSpec> views, Optional<DashboardSpec> dashboard) {

    static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");

    public PipelineSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(origin, "origin is null");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(variables,
                "variables is null")));
        sources = List.copyOf(Objects.requireNonNull(sources, "sources is null"));
        curated = List.copyOf(Objects.requireNonNull(curated, "curated is null"));
        Objects.requireNonNull(staging, "staging is null");
        Objects.requireNonNull(identity, "identity is null");
        Objects.requireNonNull(publish, "publish is null");
        views = List.copyOf(Objects.requireNonNull(views, "views is null"));
        Objects.requireNonNull(dashboard, "dashboard is null");
    }

    public PipelineSpec(String name, String description, String origin, Map<String, String> variables,
            List<SourceSpec> sources, List<CuratedStep> curated, Optional<String> staging,
            Optional<IdentitySpec> identity, PublishSpec publish, List<ViewSpec> views) {
        this(name, description, origin, variables, sources, curated, staging, identity, publish, views,
                Optional.empty());
    }

    public PipelineSpec(String name, String description, String origin, Map<String, String> variables,
            List<SourceSpec> sources, List<CuratedStep> curated, Optional<String> staging,
            Optional<IdentitySpec> identity, PublishSpec publish) {
        this(name, description, origin, variables, sources, curated, staging, identity, publish, List.of());
    }

    /** The views over a source's events. */
    public List<ViewSpec> viewsOf(String sourceName) {
        return views.stream().filter(v -> v.source().equals(sourceName)).toList();
    }

    public Optional<ViewSpec> view(String viewName) {
        return views.stream().filter(v -> v.name().equals(viewName)).findFirst();
    }

    public PipelineSpec(String name, String description, String origin, Map<String, String> variables,
            List<SourceSpec> sources, List<CuratedStep> curated, Optional<String> staging,
            Optional<IdentitySpec> identity) {
        this(name, description, origin, variables, sources, curated, staging, identity, PublishSpec.none());
    }

    public PipelineSpec(String name, String description, String origin, List<SourceSpec> sources,
            List<CuratedStep> curated) {
        this(name, description, origin, Map.of(), sources, curated, Optional.empty(), Optional.empty());
    }

    public Optional<SourceSpec> source(String sourceName) {
        return sources.stream().filter(s -> s.name().equals(sourceName)).findFirst();
    }

    /** The same pipeline with some source paths replaced (from {@code --input NAME=URI}). */
    public PipelineSpec withInputs(Map<String, String> inputs) {
        List<SourceSpec> replaced = sources.stream()
                .map(s -> inputs.containsKey(s.name()) ? s.withPath(inputs.get(s.name())) : s)
                .toList();
        return new PipelineSpec(name, description, origin, variables, replaced, curated, staging, identity, publish,
                views, dashboard);
    }

    /**
     * The same pipeline with {@code ${name}} in source paths replaced by the given values or else the
     * declared defaults (from {@code --var NAME=VALUE}).
     *
     * @throws IllegalArgumentException naming a variable the spec does not declare
     */
    public PipelineSpec withVariables(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!variables.containsKey(key)) {
                throw new IllegalArgumentException("pipeline " + name + " has no variable '" + key + "'"
                        + (variables.isEmpty() ? "" : " (it has: " + String.join(", ", variables.keySet()) + ")"));
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(variables);
        merged.putAll(values);
        List<SourceSpec> resolved = sources.stream().map(s -> s.withPath(substitute(s.path(), merged))).toList();
        return new PipelineSpec(name, description, origin, merged, resolved, curated, staging, identity,
                publish.map(text -> substitute(text, merged)), views, dashboard);
    }

    static String substitute(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
