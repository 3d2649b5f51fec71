-- The agencies that may send and receive referrals (the pilot's organisations; aliases as in Keycloak).
create table agency (
    alias   varchar(100) primary key,
    name    varchar(300) not null,
    country varchar(2)   not null
);

-- Which agency owns a case, as the case-service announced it (projection of case events).
create table case_ownership (
    case_id      uuid primary key,
    owner_agency varchar(100) not null,
    updated_at   timestamptz  not null
);

create table referral (
    id            uuid primary key,
    case_id       uuid         not null,
    from_agency   varchar(100) not null references agency (alias),
    to_agency     varchar(100) not null references agency (alias),
    service       varchar(60)  not null,
    urgency       varchar(20)  not null,
    reason        text         not null,
    status        varchar(30)  not null,
    decline_code  varchar(40),
    decline_note  text,
    created_by    varchar(100) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0
);
create index referral_incoming on referral (to_agency, created_at desc);
create index referral_outgoing on referral (from_agency, created_at desc);
create index referral_case on referral (case_id);

-- Every change of a referral, readable by both sides.
create table referral_history (
    id          bigint generated always as identity primary key,
    referral_id uuid         not null references referral (id),
    at          timestamptz  not null,
    from_status varchar(30),
    to_status   varchar(30)  not null,
    actor_user  varchar(100) not null,
    actor_name  varchar(100) not null,
    actor_agency varchar(100) not null,
    reason_code varchar(40),
    note        text
);
create index referral_history_referral on referral_history (referral_id, id);

-- The ministry is national reference data: the national default protocol (V4) names it as its lead. Every other
-- agency is created by a platform administrator (or, on the local and test stacks, by the demo data in db/demo).
insert into agency (alias, name, country) values
    ('minrzs', 'Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja', 'RS');
