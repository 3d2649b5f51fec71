-- The full closed loop: kinds, sharing basis, forwarding chain, multi-agency requests, working groups.

-- Local multi-agency working groups (radne grupe); their coordinators are Keycloak users in /working-groups/<code>.
create table working_group (
    code         varchar(100) primary key,
    name         varchar(300) not null,
    municipality varchar(100) not null,
    country      varchar(2)   not null
);
create table working_group_member (
    group_code varchar(100) not null references working_group (code),
    agency     varchar(100) not null references agency (alias),
    primary key (group_code, agency)
);

-- One request to several candidate agencies: the first to accept wins, the others are withdrawn.
create table referral_group (
    id                   uuid primary key,
    case_id              uuid         not null,
    from_agency          varchar(100) not null,
    status               varchar(20)  not null,  -- OPEN, FILLED, EXHAUSTED, WITHDRAWN
    accepted_referral_id uuid,
    created_at           timestamptz  not null,
    version              bigint       not null default 0
);

alter table referral
    add column kind              varchar(20)  not null default 'REFERRAL',  -- or TRANSFER (ownership moves on accept)
    add column group_id          uuid references referral_group (id),
    add column forwarded_from    uuid references referral (id),
    add column forwarded_to      uuid references referral (id),
    add column working_group     varchar(100) references working_group (code),
    add column sharing_basis     varchar(20),   -- CONSENT or LEGAL_BASIS; null only for a draft
    add column consent_id        uuid,
    add column consent_reference varchar(500),
    add column legal_basis       varchar(1000),
    add column shared_data       varchar(500),  -- comma-separated SharedData codes
    add column outcome           varchar(30),
    add column outcome_note      text,
    add column hold_reason       text,
    add column withdraw_reason   text,
    add column sent_at           timestamptz,
    add column acknowledged_at   timestamptz,
    add column answered_at       timestamptz;   -- accepted or declined
create index referral_group_members on referral (group_id) where group_id is not null;
create index referral_working_group on referral (working_group, created_at desc) where working_group is not null;
