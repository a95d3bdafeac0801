package dev.strata.transforms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NicknamesTest {

    @Test
    void theBundledPublicListIsReadAsNicknameToFormalNames() {
        Map<String, Set<String>> formal = Nicknames.formalNames();
        assertThat(formal.size()).as("nicknames in the public list").isGreaterThan(1_000);
        assertThat(formal.get("jim")).containsExactly("james");
        assertThat(formal.get("bob")).contains("robert");
        assertThat(Nicknames.related("bob", "robert")).isTrue();
        assertThat(Nicknames.related("robert", "bob")).isTrue();
        assertThat(Nicknames.related("bobby", "rob")).as("two nicknames of one formal name").isTrue();
        assertThat(Nicknames.related("jim", "robert")).isFalse();
        assertThat(Nicknames.related(null, "robert")).isFalse();
    }

    @Test
    void otherRelationshipsAreSkippedAndCaseAndSpacesDoNotCount() throws Exception {
        Map<String, Set<String>> formal = Nicknames.parse("t.csv", reader(
                "name1,relationship,name2\nRobert , has_nickname, Bob\nalexander,is_translation_of:en-sp,alejandro\n"
                        + "\nroberta,has_nickname,bob\n"));
        assertThat(formal).containsOnlyKeys("bob");
        assertThat(formal.get("bob")).containsExactlyInAnyOrder("robert", "roberta");
    }

    @Test
    void aMalformedTableSaysWhereAndWhat() {
        assertThatThrownBy(() -> Nicknames.parse("t.csv", reader("name,nickname\nrobert,bob\n")))
                .hasMessageContaining("t.csv: the header must be name1,relationship,name2");
        assertThatThrownBy(() -> Nicknames.parse("t.csv", reader("name1,relationship,name2\nrobert,has_nickname\n")))
                .hasMessage("t.csv line 2 must be name,relationship,name with both names, cannot be: robert,has_nickname");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
