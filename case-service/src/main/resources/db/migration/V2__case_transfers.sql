-- Ownership of a case moves when the receiving agency accepts a transfer referral; every move is kept.
create table case_ownership_change (
    id           bigint generated always as identity primary key,
    case_id      uuid         not null references case_file (id),
    at           timestamptz  not null,
    from_agency  varchar(100) not null,
    to_agency    varchar(100) not null,
    referral_id  uuid         not null,
    accepted_by  varchar(100) not null     -- the accepting user's subject id
);
create index case_ownership_change_case on case_ownership_change (case_id, at);
