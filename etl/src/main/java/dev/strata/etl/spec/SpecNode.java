package dev.strata.etl.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML node with its path in the file and the list problems are reported to: typed getters record a
 * problem (and return a default) instead of throwing, so one pass finds every mistake.
 */
final class SpecNode {

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    SpecNode(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = Objects.requireNonNull(path, "path is null");
        this.problems = Objects.requireNonNull(problems, "problems is null");
    }

    /** Collects problems of one spec file. */
    static final class Problems {
        private final String origin;
        private final List<SpecProblem> found = new ArrayList<>();

        Problems(String origin) {
            this.origin = origin;
        }

        void add(String path, String message) {
            found.add(new SpecProblem(origin, path, message));
        }

        List<SpecProblem> all() {
            return found;
        }
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    void problem(String message) {
        problems.add(path, message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    SpecNode get(String key) {
        JsonNode value = node == null ? null : node.get(key);
        return new SpecNode(value, child(key), problems);
    }

    boolean has(String key) {
        return !get(key).isMissing();
    }

    /** Reports keys other than {@code allowed}, suggesting the nearest allowed one. */
    void allowOnly(Set<String> allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String nearest = nearest(name, allowed);
                problems.add(child(name), "unknown key '" + name + "'"
                        + (nearest != null ? " (did you mean '" + nearest + "'?)" : "")
                        + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    boolean isList() {
        return node != null && node.isArray();
    }

    /** True for a mapping; records {@code problemIfNot} when the node is missing, null or anything else. */
    boolean requireObject(String problemIfNot) {
        if (node == null || !node.isObject()) {
            problem(problemIfNot);
            return false;
        }
        return true;
    }

    /** True for a mapping; false for a missing (optional) node, and false with a problem for anything else. */
    boolean expectObject() {
        if (isMissing()) {
            return false;
        }
        if (!node.isObject()) {
            problem("must be a mapping of keys to values");
            return false;
        }
        return true;
    }

    List<SpecNode> items() {
        List<SpecNode> items = new ArrayList<>();
        if (isMissing()) {
            return items;
        }
        if (!node.isArray()) {
            problem("must be a list");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            items.add(new SpecNode(node.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    Optional<String> text() {
        if (isMissing()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem("must be a single value");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** The value when it is a single one, recording nothing: for looking ahead at what is read later. */
    Optional<String> peek() {
        return isMissing() || !node.isValueNode() ? Optional.empty() : Optional.of(node.asText());
    }

    /** The value, or "" after recording a problem when it is missing or blank. */
    String requiredText() {
        if (isMissing()) {
            problem("is required");
            return "";
        }
        Optional<String> value = text();
        if (value.isPresent() && value.get().isBlank()) {
            problem("is required and must not be empty");
            return "";
        }
        return value.orElse("");
    }

    String text(String defaultValue) {
        return text().orElse(defaultValue);
    }

    boolean bool(boolean defaultValue) {
        if (isMissing()) {
            return defaultValue;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String t = node.asText().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("yes") || t.equals("on")) {
            return true;
        }
        if (t.equals("false") || t.equals("no") || t.equals("off")) {
            return false;
        }
        problem("must be true or false, not '" + node.asText() + "'");
        return defaultValue;
    }

    Optional<Long> integer() {
        if (isMissing()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.asLong());
        }
        try {
            return Optional.of(Long.parseLong(node.asText().trim()));
        } catch (NumberFormatException e) {
            problem("must be a whole number, not '" + node.asText() + "'");
            return Optional.empty();
        }
    }

    /** A list of strings; a single string is accepted as a list of one. */
    List<String> strings() {
        List<String> values = new ArrayList<>();
        if (isMissing()) {
            return values;
        }
        if (node.isValueNode()) {
            values.add(node.asText());
            return values;
        }
        for (SpecNode item : items()) {
            if (item.isMissing()) {
                item.problem("must not be empty");
            }
            item.text().ifPresent(values::add);
        }
        return values;
    }

    static String nearest(String word, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
