package nl.doorstroom.platform.audit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the processing log (Logboek dataverwerkingen), under {@code doorstroom.audit.*}.
 *
 * @param registerBaseUri   base of the register of processing activities; an activity's URI is this plus its key
 * @param activities        an activity's URI by key, overriding the base (a changed activity gets a new URI)
 * @param dataSubjectIdType what the log's subject ids are ({@code dpl.core.data_subject_id_type})
 * @param readTimeout       how long listing a subject's entries may take before it fails
 */
@ConfigurationProperties("doorstroom.audit")
public record AuditProperties(@DefaultValue("https://doorstroom.nl/verwerkingsregister/") URI registerBaseUri,
                              Map<String, URI> activities,
                              @DefaultValue("doorstroom-person-pseudonym") String dataSubjectIdType,
                              @DefaultValue("30s") Duration readTimeout) {

    public AuditProperties {
        activities = activities == null ? Map.of() : Map.copyOf(activities);
    }

    /** The activity's URI in the register of processing activities. */
    public URI uriOf(ProcessingActivity activity) {
        URI configured = activities.get(activity.key());
        if (configured != null) {
            return configured;
        }
        String base = registerBaseUri.toString();
        return URI.create(base.endsWith("/") ? base + activity.key() : base + "/" + activity.key());
    }
}
