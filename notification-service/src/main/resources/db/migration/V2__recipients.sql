-- Items addressed beyond a whole agency: the holders of one role in an agency (the receiver's supervisors when a
-- deadline passes) and the coordinators of a working group, which spans agencies and so has no recipient agency.
alter table inbox_item alter column recipient_agency drop not null;
alter table inbox_item add column recipient_role varchar(50);             -- null: everyone in the agency
alter table inbox_item add column recipient_working_group varchar(100);   -- set: the group's coordinators
alter table inbox_item add constraint inbox_item_agency_or_group
    check ((recipient_agency is null) <> (recipient_working_group is null));

-- One text naming the recipient (Recipient.key(): agency:<a>[/role:<r>][/user:<u>] or group:<g>), so that one event
-- tells one recipient once. It replaces the guard over (event_id, recipient_agency): an overdue referral tells the
-- sending agency and the supervisors of the receiving agency, and the two must not collide.
alter table inbox_item add column recipient_key varchar(300);
update inbox_item set recipient_key = 'agency:' || recipient_agency || coalesce('/user:' || recipient_user, '');
alter table inbox_item alter column recipient_key set not null;
alter table inbox_item drop constraint inbox_item_event_recipient;
alter table inbox_item add constraint inbox_item_event_recipient unique (event_id, recipient_key);

-- More of the referral's codes, so that a client shows an item without another call. Null on items written before.
alter table inbox_item add column actor_agency varchar(100);         -- who acted: the UI shows "your agency did this"
alter table inbox_item add column from_agency varchar(100);
alter table inbox_item add column to_agency varchar(100);
alter table inbox_item add column previous_status varchar(40);
alter table inbox_item add column referral_kind varchar(40);         -- REFERRAL or TRANSFER
alter table inbox_item add column outcome varchar(40);               -- of a completed referral
alter table inbox_item add column deadline varchar(40);              -- of an overdue or escalated referral
alter table inbox_item add column group_id uuid;                     -- the multi-agency request it belongs to
alter table inbox_item add column related_referral_id uuid;          -- forwarded to / forwarded from
alter table inbox_item add column working_group varchar(100);        -- the group that follows the referral

-- A coordinator's inbox: the items of her working groups, newest first.
create index inbox_item_group_created on inbox_item (recipient_working_group, created_at desc)
    where recipient_working_group is not null;
