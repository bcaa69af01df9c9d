package nl.doorstroom.platform.web;

/**
 * What was asked for does not exist, or the caller may not know that it exists: both are answered 404, so an id
 * cannot be used to probe for people outside the caller's scope.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
