package dev.strata.transforms.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The nickname table: which formal names a nickname stands for. It is the public given-name list of the
 * {@code nicknames} project (Apache License 2.0; {@code identity/nicknames/NOTICE.md}), read from
 * {@code identity/nicknames/names.csv}: a header {@code name1,relationship,name2}, then one
 * {@code robert,has_nickname,bob} a line (relationships other than {@code has_nickname} are skipped). Loaded once
 * per JVM, immutable.
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

    static final String RESOURCE = "identity/nicknames/names.csv";

    private static Map<String, Set<String>> load() {
        try (InputStream in = Nicknames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(RESOURCE, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the nickname table " + RESOURCE, e);
        }
    }

    /** Nickname to formal names, from the lines of a {@code name1,relationship,name2} table called {@code name}. */
    static Map<String, Set<String>> parse(String name, BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (header == null || !header.strip().equalsIgnoreCase("name1,relationship,name2")) {
            throw new IllegalStateException(name + ": the header must be name1,relationship,name2, cannot be: "
                    + header);
        }
        Map<String, Set<String>> formal = new LinkedHashMap<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException(name + " line " + number
                        + " must be name,relationship,name with both names, cannot be: " + line);
            }
            if (!parts[1].strip().equals("has_nickname")) {
                continue;
            }
            String formalName = parts[0].strip().toLowerCase(Locale.ROOT);
            String nickname = parts[2].strip().toLowerCase(Locale.ROOT);
            if (!formalName.equals(nickname)) {
                formal.computeIfAbsent(nickname, k -> new LinkedHashSet<>()).add(formalName);
            }
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        formal.forEach((nickname, names) -> frozen.put(nickname, Set.copyOf(names)));
        return Map.copyOf(frozen);
    }
}
