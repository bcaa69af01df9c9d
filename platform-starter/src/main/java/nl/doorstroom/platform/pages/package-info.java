/**
 * The one form stack of every service's pages. A page binds the feature's input record itself (Spring MVC, a
 * {@code @ModelAttribute("form")} with {@code @Valid} and a {@code BindingResult}); {@link
 * nl.doorstroom.platform.pages.PageForms} applies the change and turns a refused one into form errors with its status;
 * the fragments in {@code templates/pages/form.html} show each field with {@code th:field}, its message inline and an
 * error summary linking to the fields. {@link nl.doorstroom.platform.pages.PageDateFormatter} reads dates as people
 * type them, {@link nl.doorstroom.platform.pages.FormFieldsFilter} leaves out the empty rows of a repeated group, and
 * {@link nl.doorstroom.platform.pages.PageAdvice} answers errors of a {@link nl.doorstroom.platform.pages.PageController}
 * with a page.
 */
package nl.doorstroom.platform.pages;
