-- The relay claims an event only when no earlier event of its aggregate is leased by another claim (OutboxRelay):
-- that look-up goes by key, then sequence.
create index outbox_message_key_seq on outbox_message (message_key, seq);
