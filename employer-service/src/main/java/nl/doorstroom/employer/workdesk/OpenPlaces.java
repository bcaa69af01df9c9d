package nl.doorstroom.employer.workdesk;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import nl.doorstroom.employer.placement.PlacementRecord;
import nl.doorstroom.employer.placement.Placements;
import nl.doorstroom.platform.reference.CodeLists;
import nl.doorstroom.platform.reference.LabourMarketRegion;
import nl.doorstroom.platform.reference.Municipalities;
import nl.doorstroom.platform.reference.Municipality;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * The open places of a labour-market region, for its work desk (werkgeversservicepunt), for the API and the page
 * alike: computed when asked from the placement read model ({@link OpenPlaceCounts}), so a placement posted, changed
 * or closed counts at once. A work desk sees its own region only; another region is not found (404), as for every
 * scope.
 */
@Component
public class OpenPlaces {

    private final Placements placements;
    private final Municipalities municipalities;

    OpenPlaces(Placements placements, Municipalities municipalities) {
        this.placements = placements;
        this.municipalities = municipalities;
    }

    public OpenPlacesView inRegion(String regionCode) {
        if (!CurrentUser.get().servesRegion(regionCode)) {
            throw new NotFoundException("labour-market region");
        }
        LabourMarketRegion region = municipalities.region(regionCode)
                .orElseThrow(() -> new NotFoundException("labour-market region"));
        List<OpenPlaceCounts.Counted> open = placements.openSeenIn(regionCode).stream().map(this::counted).toList();
        OpenPlaceCounts.Counts counts = OpenPlaceCounts.of(regionCode,
                region.municipalities().stream().map(Municipality::code).collect(Collectors.toSet()), open);
        Locale locale = LocaleContextHolder.getLocale();
        List<OpenPlacesView.MajorGroup> groups = counts.byMajorGroup().entrySet().stream()
                .map(major -> new OpenPlacesView.MajorGroup(major.getKey(), groupName(major.getKey(), locale),
                        major.getValue().placements(), major.getValue().places(),
                        OpenPlaceCounts.subMajorGroupsOf(major.getKey(), counts).stream().map(code -> {
                            OpenPlaceCounts.Tally tally = counts.bySubMajorGroup().get(code);
                            return new OpenPlacesView.SubMajorGroup(code, groupName(code, locale), tally.placements(),
                                    tally.places());
                        }).toList()))
                .toList();
        Collator byName = Collator.getInstance(locale);
        List<OpenPlacesView.MunicipalityPlaces> places = counts.byMunicipality().entrySet().stream()
                .map(m -> new OpenPlacesView.MunicipalityPlaces(m.getKey(), municipalityName(m.getKey()),
                        m.getValue().placements(), m.getValue().places()))
                .sorted(Comparator.comparing(OpenPlacesView.MunicipalityPlaces::municipalityName, byName))
                .toList();
        return new OpenPlacesView(region.code(), region.name(), counts.total().placements(), counts.total().places(),
                groups, places, new OpenPlacesView.Tally(counts.openedFromOtherRegions().placements(),
                        counts.openedFromOtherRegions().places()));
    }

    private OpenPlaceCounts.Counted counted(PlacementRecord placement) {
        String municipality = placement.terms().getMunicipalityCode();
        String region = municipalities.find(municipality).map(Municipality::regionCode).orElse(null);
        return new OpenPlaceCounts.Counted(municipality, region, placement.terms().getIscoCode(),
                placement.terms().getPlaces());
    }

    private static String groupName(String code, Locale locale) {
        return CodeLists.occupations().find(code).map(group -> group.name(locale)).orElse(code);
    }

    private String municipalityName(String code) {
        return municipalities.find(code).map(Municipality::name).orElse(code);
    }
}
