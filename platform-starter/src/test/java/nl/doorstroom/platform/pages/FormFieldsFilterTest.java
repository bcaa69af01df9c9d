package nl.doorstroom.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormFieldsFilterTest {

    @Test
    void leavesOutTheRowsNothingWasEnteredInAndNumbersTheRestFromZero() {
        Map<String, String[]> sent = new LinkedHashMap<>();
        sent.put("version", new String[]{"3"});
        sent.put("children[0].birthYear", new String[]{""});
        sent.put("children[0].inNetherlands", new String[]{""});
        sent.put("children[1].birthYear", new String[]{"2016"});
        sent.put("children[2].birthYear", new String[]{" "});
        sent.put("expectedFamilyMembers[0].memberId", new String[]{"a-carried-id"});
        sent.put("expectedFamilyMembers[0].relationship", new String[]{""});
        sent.put("languagesSpoken[0]", new String[]{""});
        sent.put("languagesSpoken[1]", new String[]{"ar"});
        sent.put("_education.diplomas[0].documentAvailable", new String[]{"on"});
        sent.put("_csrf", new String[]{"token"});

        Map<String, String[]> kept = FormFieldsFilter.withoutEmptyRows(sent);

        assertThat(kept.keySet()).containsExactly("version", "children[0].birthYear", "languagesSpoken[0]", "_csrf");
        assertThat(kept.get("children[0].birthYear")).containsExactly("2016");
        assertThat(kept.get("languagesSpoken[0]")).containsExactly("ar");
    }
}
