package nl.doorstroom.platform.paging;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The paging query parameters of every JSON list endpoint ({@code @ParameterObject @Valid PageParameters paging}):
 * a page number from 1 and a bounded page size; a page beyond the last one is an empty page.
 */
public record PageParameters(
        @Parameter(description = "Page number, from 1; beyond the last page the list is empty") @Min(1) Integer page,
        @Parameter(description = "Rows per page, 1 to 100 (default 25)") @Min(1) @Max(Paging.MAX_PAGE_SIZE) Integer pageSize) {
}
