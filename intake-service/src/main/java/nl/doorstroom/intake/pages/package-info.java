/**
 * The AZC staff's and COA placement officers' pages: the people at a location, the multi-step intake form, the person
 * page with its timeline and the link form. The steps span the registration, household, early intake, consent and
 * linking features, so the pages sit beside them and use their application services and input records; no rule or
 * validation of a feature is repeated here. The forms bind the input records themselves with the platform's form stack
 * ({@code nl.doorstroom.platform.pages}); the pages only complete what a form leaves empty by design and add the
 * empty rows to fill in.
 */
package nl.doorstroom.intake.pages;
