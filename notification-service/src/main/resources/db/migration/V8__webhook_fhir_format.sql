-- A webhook's payload format: 'cloudevents' (the CloudEvent JSON, as before) or 'fhir' (an FHIR R4 id-only
-- notification Bundle, Subscriptions Backport style; referral events only). See docs/fhir.md#notifications.
alter table webhook_subscription
    add column format varchar(20) not null default 'cloudevents' check (format in ('cloudevents', 'fhir')),
    add column events_planned bigint not null default 0;   -- deliveries queued so far: the last event number

-- The delivery's place among its webhook's events (1, 2, ...), drawn when it is queued: an FHIR notification's
-- event-number, stable across retries, replays and the pruning of old deliveries. Null for earlier deliveries.
alter table webhook_delivery add column event_number bigint;
