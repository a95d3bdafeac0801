package dev.strata.transforms.clean;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything the clean step needs to know about one source: schema, normalisation, keys, dedup and rules. */
public record CleanSpec(List<Field> fields, Normalisation normalisation, List<String> keys, DedupPolicy dedup,
        List<Rule> rules) {

    public CleanSpec {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields is null"));
        Objects.requireNonNull(normalisation, "normalisation is null");
        keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
        Objects.requireNonNull(dedup, "dedup is null");
        rules = List.copyOf(Objects.requireNonNull(rules, "rules is null"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a clean spec needs at least one field");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a clean spec needs at least one key column");
        }
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
