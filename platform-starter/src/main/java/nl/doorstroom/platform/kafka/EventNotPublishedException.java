package nl.doorstroom.platform.kafka;

/** The broker did not acknowledge an event in time; the change was not made and may be retried. */
public class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(String topic, Throwable cause) {
        super("event not acknowledged on " + topic + ": " + reason(cause), cause);
    }

    /** Apicurio's client hides the registry's answer in ProblemDetails.getDetail(); bring it to the surface. */
    static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof io.apicurio.registry.rest.client.models.ProblemDetails problem) {
                return problem.getTitle() + ": " + problem.getDetail();
            }
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
