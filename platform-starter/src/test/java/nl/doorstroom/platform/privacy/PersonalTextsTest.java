package nl.doorstroom.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import nl.doorstroom.schemas.intake.Diploma;
import nl.doorstroom.schemas.intake.EarlyIntakeRecorded;
import nl.doorstroom.schemas.intake.Education;
import nl.doorstroom.schemas.intake.IscedLevel;
import nl.doorstroom.schemas.intake.PersonEvent;
import nl.doorstroom.schemas.intake.Wishes;
import nl.doorstroom.schemas.intake.WorkExperience;
import nl.doorstroom.schemas.trajectory.BredeIntakeRecorded;
import nl.doorstroom.schemas.trajectory.CandidateContact;
import nl.doorstroom.schemas.trajectory.LearnabilityTestOutcome;
import nl.doorstroom.schemas.trajectory.RecordedBy;
import nl.doorstroom.schemas.trajectory.TrajectoryEvent;

class PersonalTextsTest {

    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private final SubjectKeys keys = new SubjectKeys(store, new MasterKey(randomBytes()));
    private final PersonalTexts texts = new PersonalTexts(new PersonalDataCipher(keys));
    private final String amina = UUID.randomUUID().toString();

    @Test
    void everyMarkedTextIsSealedNestedAndInListsAndOpensAgain() {
        PersonEvent plain = earlyIntake(amina);
        PersonEvent sealed = texts.sealAll(plain);

        assertThat(sealed).isNotSameAs(plain);
        assertThat(sealed.toString()).doesNotContain("Verpleegkundige", "BIG-registratie", "Zorg", "Diploma verpleegkunde",
                "IDW-2026-0042", "Ziekenhuis");
        assertThat(PersonalTexts.unsealed(sealed)).isEmpty();
        assertThat(PersonalTexts.unsealed(plain)).containsExactlyInAnyOrder(
                "payload.education.diplomas[0].title", "payload.workExperience[0].jobTitle",
                "payload.workExperience[0].sector", "payload.wishes.work", "payload.wishes.education",
                "payload.wishes.sectors[0]");
        // codes and ids stay as they are: they are not free text
        EarlyIntakeRecorded intake = (EarlyIntakeRecorded) sealed.getPayload();
        assertThat(intake.getWorkExperience().getFirst().getIscoCode()).isEqualTo("2221");
        assertThat(sealed.getPersonId()).isEqualTo(amina);

        assertThat(texts.openAll(sealed)).isEqualTo(plain);
        assertThat(texts.sealAll(sealed).toString()).isEqualTo(sealed.toString());
    }

    @Test
    void aRecordThatNamesItsSubjectIsSealedWithThatSubjectsKeyAndUnreadableOnceItIsForgotten() {
        String pseudonym = "employer-" + "a".repeat(32);
        CandidateContact plain = new CandidateContact(pseudonym, "Amina Haddad", "Sanne de Vries", "GM0356");
        CandidateContact sealed = texts.sealAll(plain);

        assertThat(sealed.toString()).doesNotContain("Amina", "Haddad", "Sanne");
        assertThat(sealed.getMunicipalityCode()).isEqualTo("GM0356");
        assertThat(store.find(pseudonym)).as("a key of the pseudonym's own").isPresent();
        assertThat(store.find(amina)).isEmpty();
        assertThat(texts.openAll(sealed)).isEqualTo(plain);

        keys.forget(pseudonym);
        assertThat(texts.openAll(sealed).getName()).isEmpty();
        assertThat(texts.openAll(sealed).getContactPerson()).isEmpty();
    }

    @Test
    void aRecordWithoutPersonalTextIsLeftAsItIs() {
        RecordedBy staff = new RecordedBy("case-worker", "GM0363", "account", "Sanne de Vries");
        assertThat(texts.sealAll(staff)).isSameAs(staff);
        assertThat(PersonalTexts.carriesPersonalText(RecordedBy.getClassSchema())).isFalse();
        assertThat(PersonalTexts.carriesPersonalText(TrajectoryEvent.getClassSchema())).isTrue();
    }

    @Test
    void afterErasureNothingOpens() {
        TrajectoryEvent sealed = texts.sealAll(bredeIntake(amina, "Vijf jaar verpleegkundige"));
        keys.forget(amina);

        BredeIntakeRecorded opened = (BredeIntakeRecorded) texts.openAll(sealed).getPayload();
        assertThat(opened.getWorkFindings()).isNull();
        assertThat(((BredeIntakeRecorded) sealed.getPayload()).getWorkFindings()).startsWith(PersonalTexts.PREFIX);
    }

    @Test
    void textWrittenBeforeSealingIsReadAsItWas() {
        assertThat(texts.open(amina, "Twee jonge kinderen")).isEqualTo("Twee jonge kinderen");
        assertThat(texts.open(amina, null)).isNull();
    }

    @Test
    void aSealedTextCannotBeMovedToAnotherPerson() {
        String omar = UUID.randomUUID().toString();
        keys.keyFor(omar);
        String sealed = texts.seal(amina, "Vijf jaar verpleegkundige");
        assertThatThrownBy(() -> texts.open(omar, sealed)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void genericRecordsAreSealedToo() {
        GenericRecord generic = (GenericRecord) GenericData.get().deepCopy(TrajectoryEvent.getClassSchema(),
                bredeIntake(amina, "Twee jonge kinderen"));
        GenericRecord sealed = texts.sealAll(generic);
        assertThat(PersonalTexts.unsealed(sealed)).isEmpty();
        assertThat(sealed.toString()).doesNotContain("Twee jonge kinderen");
        assertThat(((GenericRecord) texts.openAll(sealed).get("payload")).get("workFindings").toString())
                .isEqualTo("Twee jonge kinderen");
    }

    @Test
    void aRecordWithPersonalTextMustNameItsPerson() {
        BredeIntakeRecorded withoutPerson = ((BredeIntakeRecorded) bredeIntake(amina, "text").getPayload());
        assertThatThrownBy(() -> texts.sealAll(withoutPerson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("personId");
    }

    static PersonEvent earlyIntake(String personId) {
        return PersonEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(personId)
                .setOccurredAt(Instant.now()).setPayload(EarlyIntakeRecorded.newBuilder()
                        .setEducation(Education.newBuilder().setHighestLevel(IscedLevel.ISCED_5)
                                .setDiplomas(List.of(new Diploma("Diploma verpleegkunde", "SY", 2015, true))).build())
                        .setWorkExperience(List.of(WorkExperience.newBuilder().setIscoCode("2221")
                                .setJobTitle("Verpleegkundige").setYears(5).setSector("Ziekenhuis").build()))
                        .setWishes(new Wishes("BIG-registratie halen", "HBO-V", List.of("Zorg")))
                        .build())
                .build();
    }

    static TrajectoryEvent bredeIntake(String personId, String workFindings) {
        return TrajectoryEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setPersonId(personId)
                .setOccurredAt(Instant.now()).setMunicipalityCode("GM0363").setRecordVersion(2)
                .setRecordedBy(new RecordedBy("case-worker", "GM0363", "account", null))
                .setPayload(new BredeIntakeRecorded(LocalDate.of(2026, 11, 2), LearnabilityTestOutcome.B1_ATTAINABLE,
                        null, workFindings, null))
                .build();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
