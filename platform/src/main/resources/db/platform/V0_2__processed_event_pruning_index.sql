-- ProcessedEventsPruning deletes by age every hour.
create index processed_event_processed_at on processed_event (processed_at);
