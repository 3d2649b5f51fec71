-- Dissolving a wrongly confirmed record link (see docs/record-linking.md). The row stays, for the history of both
-- agencies: who dissolved it, when, and why (a code; the note is for the dissolving agency). The pair's record_match
-- goes back to REJECTED, so the unique pair and match_id of record_link still hold: a pair is linked at most once.
alter table record_link
    add column dissolved_at          timestamptz,
    add column dissolved_by          varchar(100),   -- the dissolving user's subject id
    add column dissolved_by_username varchar(100),
    add column dissolved_by_agency   varchar(100),
    add column dissolution_reason    varchar(30),    -- NOT_SAME_PERSON, ENTERED_IN_ERROR, DUPLICATE_LINK
    add column dissolution_note      varchar(1000),
    -- dissolved completely or not at all (the note is optional)
    add constraint record_link_dissolution_complete check (
        (dissolved_at is null and dissolved_by is null and dissolved_by_username is null
            and dissolved_by_agency is null and dissolution_reason is null and dissolution_note is null)
        or (dissolved_at is not null and dissolved_by is not null and dissolved_by_username is not null
            and dissolved_by_agency is not null and dissolution_reason is not null));
