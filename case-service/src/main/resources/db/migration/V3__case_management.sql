-- Case management (issue 4): the person in full, the steps of the case, plan, notes, documents, consent, the
-- referrals that give other agencies access, and the basis of every access in the audit.

-- Lists and small structures of a person are kept as JSON: they are always read and replaced with the person.
alter table person
    add column other_names           jsonb        not null default '[]',  -- other spellings the person gave
    add column name_key              varchar(300) not null default '',    -- script- and diacritic-free, for matching
    add column estimated_age         int,                                 -- when the date of birth is unknown
    add column age_estimated_on      date,
    add column nationality           varchar(2),                          -- ISO 3166-1 alpha-2
    add column languages             jsonb        not null default '[]',  -- ISO 639 codes
    add column interpreter_needed    boolean      not null default false,
    add column legal_status          varchar(30),
    add column identifiers           jsonb        not null default '[]',  -- [{type, value, issuer}]
    add column contacts              jsonb        not null default '[]',  -- [{kind, value}]
    add column family                jsonb        not null default '[]',  -- [{relation, name, ...}]
    add column guardian              jsonb,                               -- appointed guardian of a child
    add column version               bigint       not null default 0;
create index person_identifiers on person using gin (identifiers jsonb_path_ops);
create index person_name_key on person (name_key);
create index person_birth on person (date_of_birth);

alter table case_file
    add column categories        jsonb         not null default '[]',
    add column responsible_user  varchar(100),
    add column supervisor_user   varchar(100),
    add column risk_level        varchar(20),
    add column risk_reason       varchar(2000),
    add column risk_assessed_at  timestamptz,
    add column risk_assessed_by  varchar(100),
    add column step              varchar(20)   not null default 'INTAKE',
    add column closure_reason    varchar(30),
    add column closure_note      varchar(2000),
    add column closed_at         timestamptz,
    add column anonymised_at     timestamptz;
update case_file set categories = jsonb_build_array(category);

-- Every move between the steps of case management.
create table case_step_change (
    id        bigint generated always as identity primary key,
    case_id   uuid         not null references case_file (id),
    at        timestamptz  not null,
    from_step varchar(20),
    to_step   varchar(20)  not null,
    by_user   varchar(100) not null,
    note      varchar(2000)
);
create index case_step_change_case on case_step_change (case_id, at);

create table case_goal (
    id         uuid primary key,
    case_id    uuid          not null references case_file (id),
    title      varchar(1000) not null,
    status     varchar(20)   not null,
    created_at timestamptz   not null,
    created_by varchar(100)  not null,
    version    bigint        not null default 0
);
create index case_goal_case on case_goal (case_id, created_at);

create table case_task (
    id                 uuid primary key,
    goal_id            uuid          not null references case_goal (id),
    case_id            uuid          not null references case_file (id),
    title              varchar(1000) not null,
    responsible_agency varchar(100),
    responsible_user   varchar(100),
    due_on             date,
    status             varchar(20)   not null,
    done_at            timestamptz,
    created_at         timestamptz   not null,
    version            bigint        not null default 0
);
create index case_task_goal on case_task (goal_id, created_at);

create table case_note (
    id           uuid primary key,
    case_id      uuid           not null references case_file (id),
    at           timestamptz    not null,
    author_user  varchar(100)   not null,
    author_name  varchar(100)   not null,
    author_agency varchar(100)  not null,
    text         varchar(20000) not null,
    confidential boolean        not null
);
create index case_note_case on case_note (case_id, at);

-- Metadata of a document; the content is in `content` (store DATABASE) or in a directory (store FILESYSTEM).
create table case_document (
    id           uuid primary key,
    case_id      uuid          not null references case_file (id),
    name         varchar(255)  not null,
    media_type   varchar(150)  not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    store        varchar(20)   not null,
    content      bytea,
    confidential boolean       not null,
    uploaded_at  timestamptz   not null,
    uploaded_by  varchar(100)  not null
);
create index case_document_case on case_document (case_id, uploaded_at);

create table consent (
    id               uuid primary key,
    case_id          uuid          not null references case_file (id),
    given_by         varchar(30)   not null,   -- PERSON, PARENT, GUARDIAN, LEGAL_REPRESENTATIVE
    giver_name       varchar(200)  not null,
    purpose          varchar(1000) not null,
    to_agency        varchar(100),
    to_agency_kind   varchar(40),
    data             jsonb         not null,   -- SharedData codes
    valid_from       date          not null,
    valid_until      date,
    method           varchar(30)   not null,   -- SIGNED_FORM, VERBAL_WITH_WITNESS, ELECTRONIC
    witness          varchar(200),
    document_id      uuid references case_document (id),
    recorded_at      timestamptz   not null,
    recorded_by      varchar(100)  not null,
    withdrawn_at     timestamptz,
    withdrawn_by     varchar(100),
    withdrawal_note  varchar(1000),
    version          bigint        not null default 0,
    check ((to_agency is null) <> (to_agency_kind is null))
);
create index consent_case on consent (case_id, recorded_at);

-- What the case-service knows of the referrals of its cases, from the referral events: who may see what.
create table case_referral (
    referral_id     uuid primary key,
    case_id         uuid         not null,
    from_agency     varchar(100) not null,
    to_agency       varchar(100) not null,
    kind            varchar(20)  not null,
    status          varchar(30)  not null,
    working_group   varchar(100),
    sharing_basis   varchar(20),
    consent_id      uuid,
    shared_data     jsonb        not null default '[]',
    accepted_at     timestamptz,
    closed_at       timestamptz,
    extended_until  date,                    -- the owner keeps the receiver's access open after closing
    revoked_at      timestamptz,             -- the consent it rested on was withdrawn
    event_time      timestamptz  not null    -- of the newest event applied: older ones are ignored
);
create index case_referral_case on case_referral (case_id);
create index case_referral_consent on case_referral (consent_id);

alter table personal_data_access
    add column basis    varchar(30) not null default 'OWNER',  -- OWNER, COLLABORATION, COORDINATION, SUBJECT_ACCESS
    add column basis_id uuid;                                   -- the referral or consent that allowed it
