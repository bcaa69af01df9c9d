package nl.doorstroom.intake.household;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.doorstroom.schemas.intake.Child;
import nl.doorstroom.schemas.intake.ExpectedFamilyMember;
import nl.doorstroom.schemas.intake.FamilyRelationship;
import nl.doorstroom.schemas.intake.HouseholdRecorded;
import nl.doorstroom.schemas.intake.Partner;

/**
 * The household (huishouden): partner, children, and family members expected through family reunification
 * (nareizigers). No names: relationships and birth years are enough to plan housing and to recognise an arrival.
 *
 * @param version the version of the intake record this change is based on
 */
public record Household(
        @NotNull @Min(1) Integer version,
        @Valid PartnerInput partner,
        @NotNull @Size(max = 20) List<@NotNull @Valid ChildInput> children,
        @NotNull @Size(max = 20) List<@NotNull @Valid ExpectedMember> expectedFamilyMembers) {

    /** The same household without the version, to compare two versions' contents. */
    public Household withoutVersion() {
        return new Household(null, partner, children, expectedFamilyMembers);
    }

    public record PartnerInput(@NotNull Boolean inNetherlands) {
    }

    public record ChildInput(@NotNull @Min(1900) @Max(2100) Integer birthYear, @NotNull Boolean inNetherlands) {
    }

    /**
     * @param memberId         leave empty for a new member; the id stays the same in later versions of the household
     * @param arrivedAsPersonId the nareiziger's own registration once they arrived (read only)
     */
    public record ExpectedMember(
            @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String memberId,
            @NotNull Relationship relationship,
            @Min(1900) @Max(2100) Integer birthYear,
            LocalDate expectedArrival,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) String arrivedAsPersonId) {
    }

    public enum Relationship { PARTNER, CHILD, PARENT, SIBLING, OTHER }

    HouseholdRecorded toEvent() {
        return HouseholdRecorded.newBuilder()
                .setPartner(partner == null ? null : new Partner(partner.inNetherlands(), null))
                .setChildren(children.stream().map(c -> new Child(c.birthYear(), c.inNetherlands())).toList())
                .setExpectedFamilyMembers(expectedFamilyMembers.stream().map(m -> ExpectedFamilyMember.newBuilder()
                        .setMemberId(m.memberId() == null ? java.util.UUID.randomUUID().toString() : m.memberId())
                        .setRelationship(FamilyRelationship.valueOf(m.relationship().name()))
                        .setBirthYear(m.birthYear())
                        .setExpectedArrival(m.expectedArrival())
                        .build()).toList())
                .build();
    }

    /** The household as recorded, with the arrivals that are known ({@code memberId} → nareiziger's person id). */
    public static Household of(int version, HouseholdRecorded recorded, java.util.Map<String, String> arrivals) {
        return new Household(version,
                recorded.getPartner() == null ? null : new PartnerInput(recorded.getPartner().getInNetherlands()),
                recorded.getChildren().stream().map(c -> new ChildInput(c.getBirthYear(), c.getInNetherlands())).toList(),
                recorded.getExpectedFamilyMembers().stream().map(m -> new ExpectedMember(m.getMemberId(),
                        m.getRelationship() == FamilyRelationship.UNKNOWN ? Relationship.OTHER : Relationship.valueOf(m.getRelationship().name()),
                        m.getBirthYear(), m.getExpectedArrival(), arrivals.get(m.getMemberId()))).toList());
    }
}
