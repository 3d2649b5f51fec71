-- The event feed for integrators (EventFeed): every event an agency may see (FeedAudience), in commit order, read by
-- cursor (GET /api/v1/events). Positions are drawn under an advisory lock, so they become visible in order.
create sequence feed_event_seq;

create table feed_event (
    seq         bigint        primary key,              -- the feed's order, the same for every agency
    event_id    varchar(100)  not null unique,
    event_type  varchar(200)  not null,
    event_time  timestamptz   not null,                 -- the CloudEvents time: what 'since' compares
    received_at timestamptz   not null,                 -- what retention counts from
    envelope    jsonb         not null                  -- the CloudEvent as received: ids and codes only
);
create index feed_event_received on feed_event (received_at);

-- Who sees an event: one row per agency, so that an agency's page is one index range.
create table feed_audience (
    agency varchar(100) not null,
    seq    bigint       not null references feed_event (seq) on delete cascade,
    primary key (agency, seq)
);
create index feed_audience_seq on feed_audience (seq);

-- How far retention has erased: a cursor before this position would skip erased events (410 cursor-expired).
create table feed_horizon (
    id             int    primary key check (id = 1),
    erased_through bigint not null
);
