package kz.qorgau.order.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of a list; {@code hasNext} says whether another page follows (no total count: counting every
 * match of a large district on each page would cost more than the page).
 */
@Schema(description = "A page of orders.")
record OrderPage(List<OrderSummary> items, int page, int size, boolean hasNext) {}
