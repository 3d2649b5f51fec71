create table person (
    id            uuid primary key,
    given_name    varchar(100) not null,
    family_name   varchar(100) not null,
    date_of_birth date,
    sex           varchar(20)  not null
);

create table case_file (
    id           uuid primary key,
    reference    varchar(80)  not null unique,   -- readable, per agency and year: CSR-KIKINDA-2026-00001
    person_id    uuid         not null references person (id),
    category     varchar(60)  not null,
    owner_agency varchar(100) not null,
    created_by   varchar(100) not null,          -- the creator's subject id
    created_at   timestamptz  not null,
    version      bigint       not null default 0
);
create index case_file_owner on case_file (owner_agency, created_at desc);

create table case_reference_counter (
    agency     varchar(100) not null,
    year       int          not null,
    last_value int          not null,
    primary key (agency, year)
);

-- Who touched whose personal data, and under what: every read and change (see AccessAudit).
create table personal_data_access (
    id        bigint generated always as identity primary key,
    at        timestamptz  not null,
    user_id   varchar(100) not null,
    username  varchar(100) not null,
    agency    varchar(100) not null,
    roles     varchar(300) not null,
    case_id   uuid         not null,
    action    varchar(30)  not null,
    purpose   varchar(200) not null
);
create index personal_data_access_case on personal_data_access (case_id, at);
