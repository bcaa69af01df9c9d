/**
 * Server-side paging of list pages and JSON list endpoints: {@link nl.doorstroom.platform.paging.Paging} says which
 * page, {@link nl.doorstroom.platform.paging.ListPage} is one page with its total and its page links. Lists are put in
 * their final order first (on values in clear), and only the rows of one page are opened and logged.
 */
package nl.doorstroom.platform.paging;
