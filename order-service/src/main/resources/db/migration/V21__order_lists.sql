-- The district's lists (order/search): newest first within a district, without a sort of the district.
CREATE INDEX protective_order_district_issued ON protective_order (district, issued_at DESC);
