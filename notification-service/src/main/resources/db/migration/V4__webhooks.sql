-- Webhooks for integrators: an agency's system registers an endpoint and the event types it wants; each event its
-- agency is told of is POSTed there, signed (Standard Webhooks), retried with back-off for a day, then parked.

create table webhook_subscription (
    id          uuid primary key,
    agency      varchar(100)  not null,
    url         varchar(2000) not null,
    secret      varchar(100)  not null,       -- whsec_<base64 key>: the HMAC key must be known to sign
    event_types text[]        not null,
    description varchar(200),
    created_by  varchar(100)  not null,       -- the subject id of the admin or integrator client
    created_at  timestamptz   not null,
    removed_at  timestamptz                   -- removed subscriptions stay for their delivery log
);
create index webhook_subscription_agency on webhook_subscription (agency) where removed_at is null;

-- One event for one subscription; its id is the webhook-id header, the same on every retry so receivers dedupe.
create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid          not null references webhook_subscription (id),
    event_id         varchar(100)  not null,
    event_type       varchar(200)  not null,
    inbox_item_id    uuid          references inbox_item (id),   -- the agency's item the event made
    payload          text          not null,                     -- the CloudEvent JSON, as signed and sent
    status           varchar(20)   not null,                     -- PENDING, SENT, FAILED (= parked)
    attempts         int           not null default 0,           -- all attempts, replays included
    window_attempts  int           not null default 0,           -- attempts since retry_from: drives the back-off
    retry_from       timestamptz   not null,                     -- created, or last replayed: retries end a day later
    next_attempt_at  timestamptz,                                -- when PENDING: due from then on (also the lease)
    last_status_code int,
    last_error       varchar(500),
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    parked_at        timestamptz,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_parked on webhook_delivery (subscription_id, parked_at) where status = 'FAILED';
create index webhook_delivery_item on webhook_delivery (inbox_item_id);

-- The delivery log: every attempt and what the endpoint answered.
create table webhook_attempt (
    id          uuid primary key,
    delivery_id uuid         not null references webhook_delivery (id),
    attempt     int          not null,
    at          timestamptz  not null,
    status_code int,                           -- null when there was no HTTP answer (refused, timed out)
    error       varchar(500),
    duration_ms int          not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempt);
