package nl.doorstroom.platform.test.audit;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import nl.doorstroom.platform.audit.ProcessingActivity;
import nl.doorstroom.platform.audit.ProcessingLog;

/** A minimal service with one API that reads the personal data of several people, as the integration test's subject. */
@SpringBootApplication
public class AuditTestApplication {

    static final ProcessingActivity ACTIVITY = ProcessingActivity.of("huishouden-opvragen");

    /** A member of a household as a request carries it: the person id and direct identifiers the log must not see. */
    record Member(String personId, String name, String vNumber) {
    }

    record HouseholdLookup(List<Member> members) {
    }

    @RestController
    static class HouseholdResource {

        private final ProcessingLog processingLog;

        HouseholdResource(ProcessingLog processingLog) {
            this.processingLog = processingLog;
        }

        @PostMapping("/api/v1/household-lookups")
        Map<String, Object> lookUp(@RequestBody HouseholdLookup lookup) {
            List<String> ids = lookup.members().stream().map(Member::personId).toList();
            int found = processingLog.record(ACTIVITY, "test.look-up-household", ids, () -> lookup.members().size());
            return Map.of("members", found);
        }

        @PostMapping("/api/v1/failing-household-lookups")
        Map<String, Object> failToLookUp(@RequestBody HouseholdLookup lookup) {
            List<String> ids = lookup.members().stream().map(Member::personId).toList();
            return processingLog.record(ACTIVITY, "test.look-up-household", ids, () -> {
                throw new IllegalStateException("no household for " + lookup.members().getFirst().name()
                        + " (" + lookup.members().getFirst().vNumber() + ")");
            });
        }
    }
}
