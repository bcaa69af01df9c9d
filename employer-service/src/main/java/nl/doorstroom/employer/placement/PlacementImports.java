package nl.doorstroom.employer.placement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.doorstroom.platform.security.CurrentUser;
import nl.doorstroom.platform.write.FieldProblem;
import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.platform.write.IdempotencyKey;

/**
 * Many placements at once, from a CSV file ({@link PlacementCsv}), for the API and the pages alike. Every row is
 * checked exactly as a posting over the JSON API is (Bean Validation of its {@link PlacementInput}, then
 * {@link Placements#postingProblems}), and only a file without a single problem is posted, each row through the write
 * path as a single posting, so nothing is half-imported because of a wrong row.
 *
 * <p>The broker can still go away half-way (503). The import is then completed by sending the same file with the same
 * Idempotency-Key: each row's placement id and Idempotency-Key are derived from the employer, the key and the row
 * number, so the rows already posted are found again and only the rest are posted. Each row's write stands for the
 * whole file (its digest), and the first row is written before any other, so the same key with another file is
 * refused at the first row, before anything new is posted.
 */
@Component
public class PlacementImports {

    /** Rows of one import written at the same time, after the first. */
    static final int ROWS_IN_FLIGHT = 16;

    private final Placements placements;
    private final Validator validator;

    PlacementImports(Placements placements, Validator validator) {
        this.placements = placements;
        this.validator = validator;
    }

    /**
     * One row of the file and the placement it posted.
     *
     * @param row the row's number in the file, as a spreadsheet shows it (the header is row 1)
     */
    public record ImportedPlacement(int row, PlacementView placement) {
    }

    /** What a row's write stands for, for its Idempotency-Key: the whole file and the row. */
    record RowRequest(String fileDigest, int row, PlacementInput placement) {
    }

    /** A file in which every row passed every check, ready to post. */
    record CheckedImport(String kvk, String idempotencyKey, String fileDigest, List<PlacementCsv.Row> rows) {
    }

    /**
     * Posts every placement of the file for the current employer, or none: a file with any problem is refused with all
     * of them ({@link FieldProblemsException}, field names such as {@code rows[3].startDate}).
     *
     * @param idempotencyKey required: a repeat with the same key and file answers the same placements
     * @return the placements in the order of the file
     */
    public List<ImportedPlacement> importCsv(byte[] csv, String idempotencyKey) {
        CheckedImport checked = check(csv, idempotencyKey);
        List<PlacementCsv.Row> rows = checked.rows();
        // the first row alone: the same key with another file is refused there, before anything new is posted
        List<ImportedPlacement> posted = new ArrayList<>(List.of(post(checked, rows.getFirst())));
        posted.addAll(postConcurrently(checked, rows.subList(1, rows.size())));
        return posted;
    }

    /** Reads and checks the whole file; nothing is posted. */
    CheckedImport check(byte[] csv, String idempotencyKey) {
        if (idempotencyKey == null) {
            throw FieldProblemsException.of(IdempotencyKey.HEADER, "required", "employer.import.problem.idempotency-key-required");
        }
        byte[] file = csv == null ? new byte[0] : csv;
        PlacementCsv.Read read = PlacementCsv.read(file);
        List<FieldProblem> problems = new ArrayList<>(read.problems());
        read.rows().forEach(row -> problems.addAll(problemsOf(row)));
        FieldProblemsException.rejectIfAny(problems);
        return new CheckedImport(CurrentUser.get().kvk(), idempotencyKey, sha256(file), read.rows());
    }

    /**
     * The other rows, {@value #ROWS_IN_FLIGHT} at a time, each in the caller's context (the employer, the trace): a
     * write mostly waits for its writer and its read model, so one after another a thousand rows would keep the
     * request open for minutes. After a failure no further row is started; the rows under way finish (a repeat of the
     * import finds those that were posted), and then the failure of the first failing row is thrown.
     */
    private List<ImportedPlacement> postConcurrently(CheckedImport checked, List<PlacementCsv.Row> rows) {
        SimpleAsyncTaskExecutor writers = new SimpleAsyncTaskExecutor("placement-import-");
        writers.setVirtualThreads(true);
        writers.setConcurrencyLimit(ROWS_IN_FLIGHT);
        writers.setTaskDecorator(new ContextPropagatingTaskDecorator());
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<ImportedPlacement>> underWay = new ArrayList<>();
        for (PlacementCsv.Row row : rows) {
            if (failed.get()) {
                break;
            }
            // blocks while ROWS_IN_FLIGHT rows are under way
            underWay.add(writers.submitCompletable(() -> {
                try {
                    return post(checked, row);
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        CompletableFuture.allOf(underWay.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        List<ImportedPlacement> posted = new ArrayList<>();
        for (CompletableFuture<ImportedPlacement> row : underWay) {
            try {
                posted.add(row.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException refusal ? refusal : e;
            }
        }
        return posted;
    }

    /** Posts one checked row; a repeat of the same import finds the placement it posted before. */
    ImportedPlacement post(CheckedImport checked, PlacementCsv.Row row) {
        String placementId = placementId(checked.kvk(), checked.idempotencyKey(), row.number());
        PlacementView posted = placements.postChecked(placementId, checked.idempotencyKey() + "\nrow " + row.number(),
                new RowRequest(checked.fileDigest(), row.number(), row.input()), row.input());
        return new ImportedPlacement(row.number(), posted);
    }

    /**
     * The problems of one row as a posting over the JSON API would have them: the cells that could not be read, then
     * Bean Validation of the fields, and the rules only for a row whose fields are all valid (they need them to be).
     */
    private List<FieldProblem> problemsOf(PlacementCsv.Row row) {
        List<FieldProblem> problems = new ArrayList<>(row.problems());
        Set<String> unreadable = row.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
        validator.validate(row.input()).stream()
                .map(violation -> problemOf(row, violation))
                .filter(problem -> !unreadable.contains(problem.field()))  // absent because unreadable: said already
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::code))
                .forEach(problems::add);
        if (problems.isEmpty()) {
            placements.postingProblems(row.input()).forEach(problem -> problems.add(problem.named(row.field(problem.field()))));
        }
        return problems;
    }

    /** A violation as the API names it ({@code NotNull} is {@code notNull}), its message in the request's language. */
    private static FieldProblem problemOf(PlacementCsv.Row row, ConstraintViolation<PlacementInput> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String code = Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
        String template = violation.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : code;
        return new FieldProblem(row.field(violation.getPropertyPath().toString()), code, key, violation.getMessage());
    }

    /**
     * The id of the placement of one row of an import: the same for every repeat of the import, and different for
     * every employer, key and row. Name-based like a single posting's id: a placement id is no secret (case workers
     * see it), and it is derived from nothing about a person.
     */
    static String placementId(String kvk, String idempotencyKey, int row) {
        return UUID.nameUUIDFromBytes(("placement-import\n" + kvk + "\n" + idempotencyKey + "\n" + row)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
