-- The retention of the access audit (AuditErasure) deletes by age.
create index personal_data_access_at on personal_data_access (at);
