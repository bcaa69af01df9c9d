/**
 * The processing log (Logboek dataverwerkingen): every read or change of a person's data writes one entry per person
 * to {@code audit.processing-log}, in the standard's shape ({@code ProcessingLogEntry} in {@code schemas}).
 *
 * <ul>
 * <li>Use: inject {@link nl.doorstroom.platform.audit.ProcessingLog} and wrap the work,
 *     {@code processingLog.record(ProcessingActivity.of("intake-registratie"), "intake.read-person", List.of(personId),
 *     () -> ...)}; {@code recordResult(...)} when the people are known only from the result (lists, searches).</li>
 * <li>Trace context: Micrometer Tracing with the OpenTelemetry bridge continues an incoming W3C {@code traceparent};
 *     the operation is a span in that trace and each person's entry a child span. No exporter is configured, and
 *     sampling does not matter: the log writes its own entries.</li>
 * <li>Pseudonyms: the subject ids are pseudonymised with the platform's {@code Pseudonyms} in the {@code audit}
 *     domain ({@code doorstroom.privacy.pseudonym-secrets.audit}), so a service that logs needs the privacy settings.</li>
 * <li>Configuration ({@link nl.doorstroom.platform.audit.AuditProperties}):
 *     {@code doorstroom.audit.register-base-uri} and {@code doorstroom.audit.activities.<key>} for the activities'
 *     URIs in the register of processing activities.</li>
 * <li>Failure: no acknowledged entry, no answer: the call throws {@code EventNotPublishedException} (503), for reads
 *     too. A change has then already been made; a retry with its {@code Idempotency-Key} logs it again.</li>
 * <li>Access requests: {@link nl.doorstroom.platform.audit.ProcessingLogReader} lists one person's entries by a
 *     bounded scan of the topic.</li>
 * <li>Actor: a role only, from an {@link nl.doorstroom.platform.audit.ActorRoleProvider} bean (none by default;
 *     authentication supplies one). Never a user name.</li>
 * </ul>
 */
package nl.doorstroom.platform.audit;
