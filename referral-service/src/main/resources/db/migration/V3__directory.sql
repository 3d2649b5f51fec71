-- Service directory (issue 3), aligned with Open Referral HSDS 3.0: an agency is an HSDS organization, a
-- directory_service row is a service with its eligibility, languages, service areas, contact, one location (HSDS
-- location + service_at_location) and current capacity (HSDS 3.1 service_capacity); directory_service_schedule
-- holds its opening hours (HSDS schedule), directory_capacity_update every change of its capacity.

-- The agency's public profile, from the realm's organisation attributes (identity/realm/uputnica-realm.json).
alter table agency
    add column kind         varchar(60),
    add column municipality varchar(100),
    add column description  text,
    add column website      varchar(500),
    add column email        varchar(320),
    add column phone        varchar(60);

update agency set kind = 'ministry', municipality = 'Beograd',
    description = 'Ministry of labour, employment, veteran and social affairs (Serbia)',
    website = 'https://minrzs.uputnica.test', email = 'info@minrzs.uputnica.test', phone = '+381 11 000 0100'
    where alias = 'minrzs';

-- A service an agency offers. Empty legal_statuses means no restriction on legal status; null ages mean no limit.
-- municipality_keys is what the municipality filter matches: the location's municipality and the service areas,
-- folded by MunicipalityKey (Cyrillic to Latin, lower case, no diacritics), kept by the application.
create table directory_service (
    id                       uuid primary key,
    agency                   varchar(100)   not null references agency (alias),
    category                 varchar(60)    not null,
    name                     varchar(300)   not null,
    description              text,
    status                   varchar(20)    not null check (status in ('ACTIVE', 'INACTIVE')),
    min_age                  integer check (min_age between 0 and 120),
    max_age                  integer check (max_age between 0 and 120),
    sex                      varchar(10)    not null default 'ANY' check (sex in ('ANY', 'FEMALE', 'MALE')),
    legal_statuses           varchar(30)[]  not null default '{}',
    eligibility_description  text,
    languages                varchar(20)[]  not null default '{}',
    interpretation_available boolean        not null default false,
    location_name            varchar(300),
    address                  varchar(500),
    postal_code              varchar(20),
    municipality             varchar(100),
    latitude                 double precision check (latitude between -90 and 90),
    longitude                double precision check (longitude between -180 and 180),
    service_areas            varchar(100)[] not null default '{}',
    municipality_keys        varchar(100)[] not null default '{}',
    contact_name             varchar(200),
    contact_email            varchar(320),
    contact_phone            varchar(60),
    capacity                 integer,
    vacancies                integer,
    waitlist                 integer,
    capacity_updated_at      timestamptz,
    capacity_updated_by      varchar(100),
    created_at               timestamptz    not null,
    created_by               varchar(100)   not null,
    updated_at               timestamptz    not null,
    updated_by               varchar(100)   not null,
    version                  bigint         not null default 0,
    constraint directory_service_ages check (min_age is null or max_age is null or min_age <= max_age),
    constraint directory_service_capacity check (
        (capacity is null and vacancies is null and waitlist is null and capacity_updated_at is null)
        or (capacity >= 0 and vacancies between 0 and capacity and waitlist >= 0 and capacity_updated_at is not null))
);
create index directory_service_agency on directory_service (agency);
create index directory_service_category on directory_service (category, status);
create index directory_service_municipality_keys on directory_service using gin (municipality_keys);
create index directory_service_languages on directory_service using gin (languages);

-- Opening hours (HSDS schedule: a weekly rule with byday, opens_at, closes_at), local time of the service.
create table directory_service_schedule (
    service_id uuid        not null references directory_service (id) on delete cascade,
    weekday    varchar(10) not null
        check (weekday in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    opens_at   time        not null,
    closes_at  time        not null,
    check (opens_at < closes_at)
);
create index directory_service_schedule_service on directory_service_schedule (service_id);

-- Every capacity update of a service: who (user id, login name, agency), when, and the figures.
create table directory_capacity_update (
    id           bigint generated always as identity primary key,
    service_id   uuid         not null references directory_service (id) on delete cascade,
    at           timestamptz  not null,
    capacity     integer      not null check (capacity >= 0),
    vacancies    integer      not null check (vacancies >= 0),
    waitlist     integer      not null check (waitlist >= 0),
    actor_user   varchar(100) not null,
    actor_name   varchar(100) not null,
    actor_agency varchar(100) not null
);
create index directory_capacity_update_service on directory_capacity_update (service_id, id);
