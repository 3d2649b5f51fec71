-- What each agency is told about referrals: one row per event and recipient. Ids and codes only, no personal data.
create table inbox_item (
    id               uuid primary key,
    recipient_agency varchar(100) not null,
    recipient_user   varchar(100),             -- null: for everyone in the agency (per-user items come later)
    kind             varchar(40)  not null,    -- NoticeKind, e.g. REFERRAL_RECEIVED
    referral_id      uuid         not null,
    case_id          uuid         not null,
    urgency          varchar(40),
    service          varchar(100),
    status           varchar(40)  not null,    -- the referral's status after the change
    reason_code      varchar(100),             -- set for a decline
    event_id         varchar(100) not null,    -- the CloudEvents id of the event that caused the item
    event_type       varchar(200) not null,
    event_time       timestamptz  not null,
    created_at       timestamptz  not null,
    read_at          timestamptz,
    read_by          varchar(100),             -- the first reader's subject id
    -- a second guard besides processed_event: one event tells one agency once
    constraint inbox_item_event_recipient unique (event_id, recipient_agency)
);
-- The inbox listing: an agency's items, newest first.
create index inbox_item_agency_created on inbox_item (recipient_agency, created_at desc);
-- The badge: an agency's unread items.
create index inbox_item_agency_unread on inbox_item (recipient_agency) where read_at is null;
