package nl.doorstroom.employer.placement;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.platform.write.IdempotencyKey;

@RestController
@Tag(name = "Placements")
class PlacementImportResource {

    static final String IMPORTS = PlacementResource.PLACEMENTS + "/imports";
    static final String TEXT_CSV = "text/csv";

    private final PlacementImports imports;

    PlacementImportResource(PlacementImports imports) {
        this.imports = imports;
    }

    /**
     * @param row      the row's number in the file, as a spreadsheet shows it (the header is row 1)
     * @param location where the placement is
     */
    @Schema(name = "ImportedPlacement", description = "The placement one row of the file posted")
    record PostedRow(int row, String id, String location) {
    }

    @Schema(name = "PlacementImport", description = "Every placement of the file, in the order of the file")
    record PlacementImport(List<PostedRow> placements) {
    }

    @PostMapping(path = IMPORTS, consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post many placements at once from a CSV file",
            description = "For the employer of the token's KvK number. A UTF-8 CSV file (a byte-order mark is "
                    + "allowed) with a header row naming the columns, separated by `;` when the header holds one, "
                    + "otherwise by `,`; at most " + PlacementCsv.MAX_ROWS + " rows of placements and 2 MB. Each row "
                    + "is one placement and is checked exactly as `POST /placements` checks one: columns named as its "
                    + "fields (`employerName`, `kind`, `title`, `iscoCode`, `hoursPerWeek`, `startDate`, `places` and "
                    + "`municipalityCode` are required; `description`, `requiredSkills`, `preferredSkills`, "
                    + "`minimumEducation`, `languageSupport`, `schedule` and `neighbouringRegionCodes` may be left "
                    + "out), lists inside one cell separated by `|`, one column per skill for the minimum CEFR level "
                    + "of Dutch (`minimumListening`, `minimumReading`, `minimumSpokenInteraction`, "
                    + "`minimumSpokenProduction`, `minimumWriting`), dates as `2027-03-12` or `12-3-2027`, "
                    + "`languageSupport` as ja/nee. Nothing is posted unless every row is right: otherwise 400 with "
                    + "every problem, named by row (as a spreadsheet numbers it, the header being row 1) and column: "
                    + "`rows[3].startDate`. The Idempotency-Key is required: the placements' ids are derived from the "
                    + "employer, the key and the row, so sending the same file with the same key again (after a 503, "
                    + "say) completes the import and answers the same placements, never a second copy of a row; the "
                    + "same key with another file is refused with 422. Deviation from the NL API Design Rules: 201 "
                    + "without a Location header, as one request creates many resources; each is listed with its "
                    + "location.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = TEXT_CSV,
            schema = @Schema(type = "string"), examples = @ExampleObject(name = "two placements", value = """
                    employerName;kind;title;iscoCode;requiredSkills;minimumListening;languageSupport;hoursPerWeek;startDate;places;municipalityCode;neighbouringRegionCodes
                    Bakkerij De Korenaar;WORK_EXPERIENCE_PLACE;Medewerker bakkerij;7512;hygiënecode|deeg kneden;A2;ja;24;2027-03-01;2;GM0344;
                    Bakkerij De Korenaar;PAID_JOB;Chauffeur;8322;rijbewijs B;A2;nee;32;1-4-2027;1;GM0344;AM14
                    """)))
    @ApiResponse(responseCode = "201", description = "Every row posted (or found posted by an earlier request with "
            + "the same key and file)")
    @ApiResponse(responseCode = "400", description = "A row, the header or the file is wrong; nothing posted",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "The file is larger than 2 MB; nothing read",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key came earlier with another file; nothing posted",
            content = @Content(mediaType = "application/problem+json"))
    @PreAuthorize("hasRole('employer')")
    public ResponseEntity<PlacementImport> importCsv(
            @Parameter(required = true, description = "Required; a new one for every new file, the same one to complete an import")
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @IdempotencyKey String idempotencyKey,
            @RequestBody(required = false) byte[] csv) {
        List<PostedRow> posted = imports.importCsv(csv, idempotencyKey).stream()
                .map(imported -> new PostedRow(imported.row(), imported.placement().id(),
                        PlacementResource.PLACEMENTS + "/" + imported.placement().id()))
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new PlacementImport(posted));
    }
}
