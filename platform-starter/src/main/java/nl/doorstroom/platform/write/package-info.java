/**
 * The one write path every service uses for a change to a keyed record (a person in intake and trajectory, a placement
 * in employer): the change is decided against the current record, then the single writer of the key checks the
 * version, the Idempotency-Key and any claim of a unique natural key, and appends the events atomically. Its refusals
 * are domain exceptions ({@link nl.doorstroom.platform.write.ChangeRefusedException}); one API advice and one page
 * advice turn them into problem details and form errors. The records it decides against stay bounded
 * ({@link nl.doorstroom.platform.write.RecordStores}): the current state, the version and recent request digests in
 * one store, the events one entry each in a history store.
 */
package nl.doorstroom.platform.write;
