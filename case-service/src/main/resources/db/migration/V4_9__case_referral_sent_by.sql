-- The agency whose member sent the referral (the actor of its SENT event): the owner for a referral it made, another
-- agency for one made by forwarding. TransferApplier moves a case only on a transfer its owner sent itself.
alter table case_referral add column sent_by_agency varchar(100);
-- Referrals seen before: the referral-service refused to forward transfers already, so their sender is their owner.
update case_referral set sent_by_agency = from_agency;
