-- Protocols (versioned configuration that governs referrals) and the deadlines of each referral.

-- A protocol: its code, and which version is the current one. Publishing a version locks this row, so two
-- publications of the same protocol get consecutive numbers instead of a collision.
create table protocol (
    code            varchar(100) primary key,
    current_version integer      not null,
    created_at      timestamptz  not null
);

-- One version of a protocol. Versions are never changed or deleted (see the trigger below): a referral names the
-- version that governed it, and that must keep meaning what it meant when the referral was sent.
create table protocol_version (
    id                  uuid primary key,
    code                varchar(100) not null references protocol (code),
    version             integer      not null check (version > 0),
    name                varchar(300) not null,
    description         text,
    lead_agency         varchar(100) not null references agency (alias),
    -- scope: which referrals it governs. No working group = any; no services = any. Only the default has neither.
    scope_working_group varchar(100) references working_group (code),
    created_at          timestamptz  not null,
    created_by_user     varchar(100) not null,
    created_by_name     varchar(100) not null,
    unique (code, version)
);

create table protocol_scope_service (
    protocol_version_id uuid        not null references protocol_version (id),
    service             varchar(60) not null,
    primary key (protocol_version_id, service)
);

-- Agencies that must be told of a referral under the protocol (besides its sender and receiver).
create table protocol_notify_agency (
    protocol_version_id uuid         not null references protocol_version (id),
    agency              varchar(100) not null references agency (alias),
    primary key (protocol_version_id, agency)
);

-- Kinds of data (Sharing.SharedData) a referral under the protocol must share; checked when it is sent.
create table protocol_required_data (
    protocol_version_id uuid        not null references protocol_version (id),
    data_item           varchar(40) not null,
    primary key (protocol_version_id, data_item)
);

-- Deadlines per urgency as ISO-8601 durations (PostgreSQL reads the same text as an interval: 'PT72H'::interval).
create table protocol_deadline (
    protocol_version_id uuid        not null references protocol_version (id),
    urgency             varchar(20) not null check (urgency in ('EMERGENCY', 'URGENT', 'ROUTINE')),
    acknowledge         varchar(40) not null,  -- from SENT to ACKNOWLEDGED (or an answer)
    respond             varchar(40) not null,  -- from SENT to ACCEPTED or DECLINED
    first_contact       varchar(40) not null,  -- from ACCEPTED to IN_PROGRESS
    escalate_after      varchar(40) not null,  -- from a deadline passing to escalation to the coordinator
    primary key (protocol_version_id, urgency)
);

create function refuse_protocol_version_change() returns trigger language plpgsql as $$
begin
    raise exception 'protocol versions are immutable: publish a new version instead';
end;
$$;
create trigger protocol_version_immutable before update or delete on protocol_version
    for each row execute function refuse_protocol_version_change();
create trigger protocol_scope_service_immutable before update or delete on protocol_scope_service
    for each row execute function refuse_protocol_version_change();
create trigger protocol_notify_agency_immutable before update or delete on protocol_notify_agency
    for each row execute function refuse_protocol_version_change();
create trigger protocol_required_data_immutable before update or delete on protocol_required_data
    for each row execute function refuse_protocol_version_change();
create trigger protocol_deadline_immutable before update or delete on protocol_deadline
    for each row execute function refuse_protocol_version_change();

-- Which protocol version governed a referral, recorded when it is sent.
alter table referral
    add column protocol_code    varchar(100),
    add column protocol_version integer,
    add constraint referral_protocol foreign key (protocol_code, protocol_version)
        references protocol_version (code, version);

-- The deadlines of each referral. A row per deadline, so they survive restarts and several instances share them.
create table referral_deadline (
    id               uuid primary key,
    -- deferred: the referral and its first deadlines are inserted in one flush, in whatever order Hibernate picks
    referral_id      uuid         not null references referral (id) deferrable initially deferred,
    -- checked here: a value the code cannot read would make the scanner's claim query fail for every deadline
    kind             varchar(20)  not null check (kind in ('ACKNOWLEDGE', 'RESPOND', 'FIRST_CONTACT')),
    state            varchar(20)  not null check (state in ('PENDING', 'OVERDUE', 'ESCALATED', 'MET', 'CANCELLED')),
    due_at           timestamptz  not null,
    escalate_at      timestamptz  not null,
    protocol_code    varchar(100) not null,
    protocol_version integer      not null,
    created_at       timestamptz  not null,
    overdue_at       timestamptz,
    escalated_at     timestamptz,
    met_at           timestamptz,
    cancelled_at     timestamptz,
    unique (referral_id, kind),  -- each kind starts once per referral (SENT and ACCEPTED happen once)
    foreign key (protocol_code, protocol_version) references protocol_version (code, version)
);
-- The scanner's two queries read only these small partial indexes, however many deadlines are met or cancelled.
create index referral_deadline_due on referral_deadline (due_at) where state = 'PENDING';
create index referral_deadline_escalate on referral_deadline (escalate_at) where state = 'OVERDUE';
-- The working groups' overdue lists, oldest first.
create index referral_deadline_late on referral_deadline (due_at) where state in ('OVERDUE', 'ESCALATED');

-- The national default protocol carries the inter-agency form's priorities (acknowledge within 24 hours, 72 hours,
-- two weeks) and governs every referral no other protocol covers: national reference data, on every stack. Local
-- protocols and national SOPs are created through the API (the demo stacks get examples from db/demo).
insert into protocol (code, current_version, created_at) values
    ('national-default', 1, '2026-01-01T00:00:00Z');

insert into protocol_version (id, code, version, name, description, lead_agency, scope_working_group, created_at,
                              created_by_user, created_by_name) values
    ('00000000-0000-4000-8000-000000000001', 'national-default', 1,
     'Rokovi obrasca za međuagencijsko upućivanje (nacionalni podrazumevani)',
     'Governs every referral that no more specific protocol covers: emergency acknowledged within 24 hours, '
         || 'urgent within 72 hours, routine within two weeks.',
     'minrzs', null, '2026-01-01T00:00:00Z', 'uputnica', 'uputnica');

insert into protocol_deadline (protocol_version_id, urgency, acknowledge, respond, first_contact, escalate_after) values
    ('00000000-0000-4000-8000-000000000001', 'EMERGENCY', 'PT24H', 'PT48H', 'PT24H', 'PT24H'),
    ('00000000-0000-4000-8000-000000000001', 'URGENT', 'PT72H', 'P5D', 'P7D', 'PT72H'),
    ('00000000-0000-4000-8000-000000000001', 'ROUTINE', 'P14D', 'P21D', 'P30D', 'P14D');
