-- The first answer to a create sent with an Idempotency-Key (platform/…/idempotency): a retry with the same key gets
-- it again instead of a second case, consent or referral. Written in the create's own transaction; erased after
-- uputnica.idempotency.retention (at least a day) by IdempotencyKeysErasure. The answer may hold personal data
-- (a case's person), so it is kept no longer than that.
create table idempotency_key (
    agency       varchar(100) not null,
    caller       varchar(255) not null,
    idem_key     varchar(255) not null,
    request_hash char(64)     not null,
    status       int,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz  not null,
    primary key (agency, caller, idem_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
