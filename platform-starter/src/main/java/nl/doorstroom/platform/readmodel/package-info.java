/**
 * Reads of Kafka Streams read models across instances (DESIGN §1, §9): a key is read at the instance that owns its
 * partition ({@link nl.doorstroom.platform.readmodel.ReadModel#get}), a list is gathered from every instance
 * ({@link nl.doorstroom.platform.readmodel.ReadModel#all}); forwarded reads go to an internal endpoint that only other
 * instances can use (a shared secret), guarded by a retry and a circuit breaker, and a read that cannot be answered
 * now is a 503 with Retry-After, never a wrong 404.
 */
package nl.doorstroom.platform.readmodel;
