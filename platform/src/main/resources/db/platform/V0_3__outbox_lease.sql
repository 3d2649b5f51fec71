-- The relay claims rows with a lease, commits, sends outside any transaction, then deletes them: waiting for Kafka
-- inside a database transaction held its locks and, under load, let the transaction time out after the send.
alter table outbox_message add column claimed_until timestamptz;
