-- Who gets e-mail. Tokens say who a caller is, but nobody's address or agency mailbox is known when an event arrives,
-- so people register their own preferences and agency admins register their agency's mailboxes.

-- A user's own preferences. Agency, roles and working groups are copied from the token when the user saves, because
-- events arrive without any token: they decide which notices reach this user (as the inbox shows them).
create table user_preference (
    user_id           varchar(100) primary key,   -- the token's subject
    agency            varchar(100) not null,
    roles             text[]       not null,
    working_groups    text[]       not null,
    email             varchar(254),                -- null: no e-mail at all
    language          varchar(10)  not null,       -- sr-Latn, sr-Cyrl, bs or en
    email_muted_kinds text[]       not null,       -- NoticeKinds not wanted by e-mail (urgent ones are sent anyway)
    updated_at        timestamptz  not null
);
create index user_preference_agency on user_preference (agency);
create index user_preference_groups on user_preference using gin (working_groups);

-- An agency's mailbox for its notices (e.g. the duty desk), managed by the agency's admin.
create table agency_email_recipient (
    id         uuid primary key,
    agency     varchar(100) not null,
    email      varchar(254) not null,
    language   varchar(10)  not null,
    role       varchar(50),                        -- null: the agency's shared notices; set: notices for that role
    kinds      text[],                             -- null: every kind; urgent notices are sent anyway
    created_by varchar(100) not null,              -- the admin's subject id
    created_at timestamptz  not null
);
create unique index agency_email_recipient_unique on agency_email_recipient (agency, lower(email), coalesce(role, ''));

-- One e-mail per event and address, planned in the transaction that records the event and sent later by a
-- scheduler: a slow or failing mail server never holds up the Kafka consumer, the inbox or the webhooks.
create table email_delivery (
    id              uuid primary key,
    event_id        varchar(100) not null,
    inbox_item_id   uuid         not null references inbox_item (id),
    address         varchar(254) not null,
    language        varchar(10)  not null,
    status          varchar(20)  not null,         -- PENDING, SENT, FAILED
    attempts        int          not null default 0,
    next_attempt_at timestamptz,                   -- when PENDING: due from then on (also the claim's lease)
    last_error      varchar(500),
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
-- the idempotence guard: an event redelivered, or told to two recipients that share an address, mails it once
create unique index email_delivery_event_address on email_delivery (event_id, lower(address));
create index email_delivery_due on email_delivery (next_attempt_at) where status = 'PENDING';
create index email_delivery_item on email_delivery (inbox_item_id);
