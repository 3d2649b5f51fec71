-- Record linking (issue 4): possible matches between agencies' cases and the confirmed links. See
-- docs/record-linking.md. V3_5 sorts after V3 and before a later V4 (Flyway runs out of order, see architecture.md).

-- Trigram similarity for the first cut of candidates by name. pg_trgm ships with PostgreSQL (contrib, in the
-- embedded binaries and Debian's server package alike) and is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;

-- The spellings of one name, folded alike (the same rules, in the same order, as linking/NameFolding.java; the
-- test RecordLinkingTest checks that both agree). Changing it means rebuilding person_name_fold_trgm.
create function linking_fold(name_key text) returns text
    language plpgsql immutable strict parallel safe as
$$
declare
    rule   text[];
    folded text := name_key;
begin
    foreach rule slice 1 in array array[
            ['kh', 'h'], ['gh', 'g'], ['sh', 's'], ['ch', 'c'], ['zh', 'z'], ['ph', 'f'],
            ['dz', 'j'], ['q', 'k'], ['w', 'v'], ['x', 'ks'],
            ['y(?=[aeiou])', 'j'], ['y', 'i'],
            ['ee', 'i'], ['o', 'u'],
            ['([a-z])\1+', '\1'],
            ['([ae])h(?=[ |]|$)', '\1']]
        loop
            folded := regexp_replace(folded, rule[1], rule[2], 'g');
        end loop;
    return folded;
end
$$;

create index person_name_fold_trgm on person using gin (linking_fold(name_key) gin_trgm_ops);
-- From a candidate person to its case (a nested loop instead of scanning every case); named for its purpose so that
-- it cannot collide with an index a later migration gives case_file.person_id.
create index if not exists case_file_person_for_linking on case_file (person_id);

-- One row per pair of cases, whichever agency's caseworker found it: a stable id, and a decision for both sides.
create table record_match (
    id                  uuid primary key,
    case_a              uuid             not null references case_file (id),
    case_b              uuid             not null references case_file (id),
    status              varchar(20)      not null,   -- SUGGESTED, CONFIRMED, REJECTED
    score               double precision not null,
    reasons             jsonb            not null,   -- [{code, similarity, years, identifierType}]
    suggested_at        timestamptz      not null,
    decided_at          timestamptz,
    decided_by          varchar(100),                -- the deciding user's subject id
    decided_by_username varchar(100),
    decided_by_agency   varchar(100),
    note                varchar(1000),
    version             bigint           not null default 0,
    constraint record_match_pair unique (case_a, case_b),
    check (case_a < case_b)
);
create index record_match_case_b on record_match (case_b);

-- Confirmed matches: the two records stay apart, each agency only learns that the other has one.
create table record_link (
    id                 uuid primary key,
    match_id           uuid         not null unique references record_match (id),
    case_a             uuid         not null references case_file (id),
    case_b             uuid         not null references case_file (id),
    linked_at          timestamptz  not null,
    linked_by          varchar(100) not null,        -- the confirming user's subject id
    linked_by_username varchar(100) not null,
    linked_by_agency   varchar(100) not null,
    note               varchar(1000),
    constraint record_link_pair unique (case_a, case_b),
    check (case_a < case_b)
);
create index record_link_case_b on record_link (case_b);
