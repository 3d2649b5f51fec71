-- The total of an agency's incoming list (to_agency = ? and status <> 'DRAFT') and of a coordinator's list
-- (working_group in (...) and status <> 'DRAFT') are counted from these indexes alone (index-only scans) instead
-- of reading the whole referral table: docs/performance.md, "List incoming".
create index referral_incoming_status on referral (to_agency, status);
create index referral_working_group_status on referral (working_group, status) where working_group is not null;
