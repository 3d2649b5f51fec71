-- An address a user sets is verified before anything but the code is sent to it (EmailVerification), and the copy
-- of the user's agency, roles and working groups counts only while the user keeps using the service (seen_at):
-- staff who left, whose tokens stop, stop getting e-mail after uputnica.settings.membership-valid-for.
alter table user_preference add column email_verified_at timestamptz;
alter table user_preference add column email_code_hash varchar(64);
alter table user_preference add column email_code_expires_at timestamptz;
alter table user_preference add column seen_at timestamptz;
update user_preference set seen_at = updated_at;
