package nl.doorstroom.employer.pages;

import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import nl.doorstroom.platform.pages.Option;
import nl.doorstroom.platform.reference.CodeLists;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.schemas.intake.CefrLevel;
import nl.doorstroom.schemas.intake.CefrSkill;
import nl.doorstroom.schemas.intake.IscedLevel;

/**
 * What the employer-service pages offer to choose from and how they name codes, from the same code lists and enums
 * the inputs are validated against, in the user's language: a picker cannot offer what a placement would refuse.
 */
@Component
public class Choices {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm");

    private final MessageSource messages;
    private final Municipalities municipalities;

    Choices(MessageSource messages, Municipalities municipalities) {
        this.messages = messages;
        this.municipalities = municipalities;
    }

    /** The choices of a select: every constant but {@code UNKNOWN}, named by {@code page.option.<Type>.<CONSTANT>}. */
    public <E extends Enum<E>> List<Option> options(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> !value.name().equals("UNKNOWN"))
                .map(value -> new Option(value.name(), name(value))).toList();
    }

    /** A constant of an enum as the pages name it ({@code page.option.<Type>.<CONSTANT>}); empty for none. */
    public String name(Enum<?> value) {
        return value == null ? "" : messages.getMessage("page.option." + value.getDeclaringClass().getSimpleName() + "."
                + value.name(), null, value.name(), LocaleContextHolder.getLocale());
    }

    /** Yes or no, for a radio group of a yes/no question. */
    public List<Option> yesNo() {
        return List.of(new Option("true", message("page.option.yes")), new Option("false", message("page.option.no")));
    }

    /** ISCO-08 sub-major groups, the first two digits of an occupation code, for the occupation picker. */
    public List<Option> occupationGroups() {
        Locale locale = LocaleContextHolder.getLocale();
        return CodeLists.occupations().all().stream().filter(group -> group.code().length() == 2)
                .map(group -> new Option(group.code(), group.code() + " – " + group.name(locale))).toList();
    }

    /** An occupation code with the name of its sub-major group: "7411 – Elektriciens en elektronicamonteurs". */
    public String occupation(String iscoCode) {
        Locale locale = LocaleContextHolder.getLocale();
        return iscoCode + CodeLists.occupations().subMajorGroupOf(iscoCode).map(g -> " – " + g.name(locale)).orElse("");
    }

    /** CEFR levels A1 to C2 with their names. */
    public List<Option> cefrLevels() {
        Locale locale = LocaleContextHolder.getLocale();
        return CodeLists.cefrLevels().all().stream()
                .map(level -> new Option(level.code(), level.code() + " – " + level.name(locale))).toList();
    }

    /** ISCED 2011 levels as the input's {@code ISCED_n} values, with their comparable Dutch level. */
    public List<Option> iscedLevels() {
        Locale locale = LocaleContextHolder.getLocale();
        return CodeLists.educationLevels().all().stream().map(level -> new Option("ISCED_" + level.code(),
                "ISCED " + level.code() + " – " + level.name(locale) + " (" + level.dutchComparable(locale) + ")")).toList();
    }

    /** Every municipality of today's set, by name, with its labour-market region. */
    public List<Option> municipalities() {
        Locale locale = LocaleContextHolder.getLocale();
        return municipalities.all().stream()
                .sorted(Comparator.comparing(m -> m.name(), Collator.getInstance(locale)))
                .map(m -> new Option(m.code(), message("page.option.municipality", m.name(), m.regionName()))).toList();
    }

    /** A municipality's name; the code itself when it is not a municipality of today. */
    public String municipality(String code) {
        return municipalities.find(code).map(m -> m.name()).orElse(code);
    }

    /** A labour-market region's name with its code: "Midden-Utrecht (AM13)". */
    public String region(String code) {
        return municipalities.region(code).map(r -> r.name() + " (" + r.code() + ")").orElse(code);
    }

    /** Labour-market regions by name, in the order given. */
    public String regions(List<String> codes) {
        return codes.stream().map(this::region).collect(Collectors.joining(", "));
    }

    /** An ISCED level as "ISCED 3 – name (comparable Dutch level)"; empty for none. */
    public String education(IscedLevel level) {
        if (level == null || level == IscedLevel.UNKNOWN) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String code = level.name().substring("ISCED_".length());
        return CodeLists.educationLevels().find(code).map(l -> "ISCED " + code + " – " + l.name(locale)
                + " (" + l.dutchComparable(locale) + ")").orElse("ISCED " + code);
    }

    /** Levels of Dutch per skill: "Luisteren A2, Lezen A1"; empty for none. */
    public String dutch(Map<CefrSkill, CefrLevel> levels) {
        return levels == null ? "" : levels.entrySet().stream().map(e -> name(e.getKey()) + " " + e.getValue().name())
                .collect(Collectors.joining(", "));
    }

    /** A moment as people in the Netherlands read it: day, month, year and time in Dutch time. */
    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(DUTCH_TIME));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
