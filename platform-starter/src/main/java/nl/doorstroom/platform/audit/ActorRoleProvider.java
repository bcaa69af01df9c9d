package nl.doorstroom.platform.audit;

import java.util.Optional;

/**
 * The role in which the current request processes personal data, for the processing log's {@code actorRole}: a role
 * only, never a user name or user id (the standard's draft ADR: no users in log lines). The platform's default knows
 * no roles; authentication provides a bean that reads the role from the request's token.
 */
@FunctionalInterface
public interface ActorRoleProvider {

    ActorRoleProvider NONE = Optional::empty;

    Optional<String> currentRole();
}
