package dev.strata.etl.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A whole pipeline as declared in its YAML file. */
public record PipelineSpec(String name, String description, String origin, List<SourceSpec> sources,
        List<CuratedStep> curated) {

    public PipelineSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(origin, "origin is null");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources is null"));
        curated = List.copyOf(Objects.requireNonNull(curated, "curated is null"));
    }

    public Optional<SourceSpec> source(String sourceName) {
        return sources.stream().filter(s -> s.name().equals(sourceName)).findFirst();
    }

    /** The same pipeline with some source paths replaced (from {@code --input NAME=URI}). */
    public PipelineSpec withInputs(Map<String, String> inputs) {
        List<SourceSpec> replaced = sources.stream()
                .map(s -> inputs.containsKey(s.name()) ? s.withPath(inputs.get(s.name())) : s)
                .toList();
        return new PipelineSpec(name, description, origin, replaced, curated);
    }
}
