package nl.doorstroom.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.intake.PersonIdentity;

class IdentitySearchTest {

    private static final PersonIdentity ZEYNEP = PersonIdentity.newBuilder().setGivenNames("Zeynep")
            .setFamilyName("Çelik").setDateOfBirth(LocalDate.of(1990, 1, 2)).setVNumber("1234567890")
            .setBsn("123456782").build();

    @Test
    void partOfTheNameMatchesWithoutCaseOrAccents() {
        assertThat(IdentitySearch.of("celik").matches(ZEYNEP)).isTrue();
        assertThat(IdentitySearch.of("  ZEYNEP ç").matches(ZEYNEP)).isTrue();
        assertThat(IdentitySearch.of("haddad").matches(ZEYNEP)).isFalse();
    }

    @Test
    void numbersMatchOnlyInFull() {
        assertThat(IdentitySearch.of("1234567890").matches(ZEYNEP)).isTrue();
        assertThat(IdentitySearch.of("123456782").matches(ZEYNEP)).isTrue();
        assertThat(IdentitySearch.of("123456").matches(ZEYNEP)).isFalse();
    }

    @Test
    void noTextMatchesEveryone() {
        assertThat(IdentitySearch.of(null).isEmpty()).isTrue();
        assertThat(IdentitySearch.of("   ").matches(ZEYNEP)).isTrue();
    }
}
