package nl.doorstroom.intake.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import nl.doorstroom.intake.earlyintake.EarlyIntake;
import nl.doorstroom.intake.household.Household;
import nl.doorstroom.platform.reference.CodeLists;
import nl.doorstroom.platform.reference.Municipalities;

/** Codes as the person page shows them: names from the code lists and messages, in the user's language. */
public final class Names {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm");

    private final MessageSource messages;
    private final Municipalities municipalities;
    private final Locale locale;

    Names(MessageSource messages, Municipalities municipalities, Locale locale) {
        this.messages = messages;
        this.municipalities = municipalities;
        this.locale = locale;
    }

    public String country(String code) {
        return CodeLists.countries().name(code, locale).orElse(code);
    }

    public String language(String code) {
        return CodeLists.languages().name(code, locale).orElse(code);
    }

    public String languages(List<String> codes) {
        return codes.stream().map(this::language).collect(Collectors.joining(", "));
    }

    public String isced(EarlyIntake.IscedLevel level) {
        String code = level.name().substring("ISCED_".length());
        return "ISCED " + code + CodeLists.educationLevels().name(code, locale).map(name -> " – " + name).orElse("");
    }

    /** The code with the name of its sub-major group ({@code 7411 – Elektriciens en elektronicamonteurs}). */
    public String occupation(String iscoCode) {
        return iscoCode + CodeLists.occupations().subMajorGroupOf(iscoCode).map(g -> " – " + g.name(locale)).orElse("");
    }

    public String diplomas(List<EarlyIntake.Diploma> diplomas) {
        return diplomas.stream().map(d -> d.title()
                        + (d.country() == null && d.yearObtained() == null ? "" : " (" + String.join(", ",
                        Arrays.asList(d.country() == null ? null : country(d.country()),
                                d.yearObtained() == null ? null : d.yearObtained().toString()).stream()
                                .filter(s -> s != null).toList()) + ")"))
                .collect(Collectors.joining("; "));
    }

    public String children(List<Household.ChildInput> children) {
        return children.stream().map(c -> message("page.person.child", c.birthYear(),
                        message("value.in-netherlands." + c.inNetherlands())))
                .collect(Collectors.joining(", "));
    }

    public String careDuties(List<EarlyIntake.CareDuty> duties) {
        return duties.stream().map(d -> message("value.care-duty." + d.name())).collect(Collectors.joining(", "));
    }

    public String moment(Instant instant) {
        return MOMENT.format(instant.atZone(DUTCH_TIME));
    }

    /**
     * Who recorded a version: the staff member's name (or account id, for older versions), their roles and their
     * organisation (a location or municipality).
     */
    public String recordedBy(String name, String roles, String organisation) {
        if (roles == null || roles.isBlank()) {
            return name == null ? message("page.unknown") : name;
        }
        String named = Arrays.stream(roles.split(",")).map(role -> messages.getMessage("value.role." + role, null,
                role, locale))
                .collect(Collectors.joining(", "));
        String role = organisation == null ? named : named + " (" + organisation + ")";
        return name == null ? role : name + ", " + role;
    }

    public String detail(String change, String detail) {
        return switch (change) {
            case "municipality-link" -> municipalities.find(detail).map(m -> m.name()).orElse(detail);
            case "consent" -> message("value.decision." + detail);
            default -> detail;
        };
    }

    public String changedFields(String change, List<String> fields) {
        String prefix = switch (change) {
            case "personal-details" -> "field.personalDetails.";
            case "household" -> "field.household.";
            default -> "field.earlyIntake.";
        };
        return fields.stream().map(f -> messages.getMessage(prefix + f, null, f,
                locale)).collect(Collectors.joining(", "));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
