package dev.strata.transforms.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The nickname table ({@code identity/nicknames.csv}: {@code name,nickname}, lower case, one pair a line):
 * which formal names a nickname stands for. Loaded once per JVM, immutable.
 */
final class Nicknames {

    private static final Map<String, Set<String>> FORMAL = load();

    private Nicknames() {
    }

    /** Nickname to the formal names it stands for (Bob: Robert; Kate: Catherine, Katherine...). */
    static Map<String, Set<String>> formalNames() {
        return FORMAL;
    }

    /**
     * Whether two standardised given names can name the same person through the table: equal, one a
     * nickname of the other, or two nicknames of a common formal name.
     */
    static boolean related(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        Set<String> ofA = FORMAL.getOrDefault(a, Set.of());
        Set<String> ofB = FORMAL.getOrDefault(b, Set.of());
        if (ofA.contains(b) || ofB.contains(a)) {
            return true;
        }
        for (String formal : ofA) {
            if (ofB.contains(formal)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> formal = new LinkedHashMap<>();
        try (InputStream in = Nicknames.class.getClassLoader().getResourceAsStream("identity/nicknames.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in,
                        "identity/nicknames.csv is missing from the classpath"), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",");
                formal.computeIfAbsent(parts[1].trim(), k -> new LinkedHashSet<>()).add(parts[0].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the nickname table", e);
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        formal.forEach((nickname, names) -> frozen.put(nickname, Set.copyOf(names)));
        return Map.copyOf(frozen);
    }
}
