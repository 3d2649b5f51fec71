-- Shared by every service (each in its own database): the transactional outbox and the consumer's memory of events.

-- An event committed with the change that caused it; the relay sends it to Kafka and then deletes the row.
create table outbox_message (
    id          uuid primary key,           -- the CloudEvents id
    seq         bigint generated always as identity,
    topic       varchar(200) not null,
    message_key varchar(200) not null,      -- the aggregate id: all events of one aggregate go to one partition
    event_type  varchar(200) not null,
    payload     text         not null,      -- the whole CloudEvents JSON, exactly as it will be sent
    created_at  timestamptz  not null
);
create index outbox_message_seq on outbox_message (seq);

-- Every event a consumer has applied, so that a redelivered event changes nothing.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
