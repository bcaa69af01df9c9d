/**
 * The AZC staff's and COA placement officers' pages: the people at a location, the multi-step intake form, the person
 * page with its timeline and the link form. The steps span the registration, household, early intake, consent and
 * linking features, so the pages sit beside them and use their application services and input records; no rule or
 * validation of a feature is repeated here, only turning form fields into those records and back.
 */
package nl.doorstroom.intake.pages;
