-- The coordinators' daily digest is an e-mail like the notices, queued in email_delivery and sent by the same
-- scheduler. It belongs to no inbox item: it is one working group's day. Its event_id is digest:<group>:<day>, so the
-- unique (event_id, address) sends each coordinator each day's digest once, however often the day is planned.
alter table email_delivery alter column inbox_item_id drop not null;
alter table email_delivery add column working_group varchar(100);
alter table email_delivery add column digest_day date;
alter table email_delivery add constraint email_delivery_notice_or_digest
    check ((inbox_item_id is null) <> (digest_day is null));

-- Coordinators get the digest unless they say otherwise.
alter table user_preference add column digest boolean not null default true;

-- The digest counts a group's referrals by the day they happened.
create index inbox_item_group_day on inbox_item (working_group, event_time) where working_group is not null;
