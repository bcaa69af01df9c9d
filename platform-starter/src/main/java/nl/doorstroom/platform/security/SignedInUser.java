package nl.doorstroom.platform.security;

import java.util.Locale;

import org.springframework.context.MessageSource;

import nl.doorstroom.platform.reference.Municipalities;

/**
 * Who is signed in, as every page header shows it: the name and the organisation the role is exercised for.
 *
 * @param name         the name from the identity provider; the account id when it gives none
 * @param organisation the AZC location, the municipality's name, COA, the employer's KvK number, the region, or the
 *                     platform
 * @param canSignOut   signed in on a page (OpenID Connect), so there is a session to end
 * @param operator     a platform operator, whose header links to the service's dead letters
 */
public record SignedInUser(String name, String organisation, boolean canSignOut, boolean operator) {

    /** The current user, or {@code null} when nobody is signed in. */
    static SignedInUser current(Municipalities municipalities, MessageSource messages, Locale locale) {
        DoorstroomUser user = CurrentUser.get();
        if (user.roles().isEmpty()) {
            return null;
        }
        String name = CurrentUser.displayName().or(CurrentUser::accountId).orElse("");
        return new SignedInUser(name, organisation(user, municipalities, messages, locale), CurrentUser.signedInOnPage(),
                user.has(Role.PLATFORM_OPERATOR));
    }

    private static String organisation(DoorstroomUser user, Municipalities municipalities, MessageSource messages,
                                       Locale locale) {
        if (user.has(Role.CASE_WORKER)) {
            return municipalities.find(user.municipality()).map(m -> m.name()).orElse(user.municipality());
        }
        if (user.has(Role.AZC_STAFF)) {
            return user.location();
        }
        if (user.has(Role.EMPLOYER)) {
            return messages.getMessage("doorstroom.page.organisation.kvk", new Object[] {user.kvk()}, locale);
        }
        if (user.has(Role.ANALYST) || user.has(Role.WORK_DESK)) {
            return municipalities.region(user.region()).map(r -> r.name()).orElse(user.region());
        }
        String role = user.has(Role.COA_PLACEMENT_OFFICER) ? "coa" : "platform";
        return messages.getMessage("doorstroom.page.organisation." + role, null, locale);
    }
}
