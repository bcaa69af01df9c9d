package nl.doorstroom.trajectory.handover;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.platform.paging.ListPage;

/**
 * One page of the inbox.
 *
 * @param handovers the people on this page, the most recent arrival first
 * @param total     people in the inbox that match
 * @param page      this page's number, from 1
 * @param pageSize  people per page
 */
@Schema(name = "HandoverList", description = "One page of the municipality's handover inbox")
public record HandoverList(List<HandoverSummary> handovers, int total, int page, int pageSize) {

    static HandoverList of(ListPage<HandoverSummary> page) {
        return new HandoverList(page.rows(), page.total(), page.page(), page.pageSize());
    }
}
