-- Demo data of the local and test stacks, never of production: the agencies, working groups and protocols of the
-- seed texts, matching the demo realm's organisations (identity/realm). Production creates agencies and working
-- groups through the admin API.

-- Runs only where the flyway placeholder demo_data is true (the dev, test and local profiles): in production
-- the migration is recorded as applied and inserts nothing.
do $demo$
begin
if '${demo_data}' <> 'true' then
    return;
end if;

insert into agency (alias, name, country) values
    ('csr-kikinda', 'Centar za socijalni rad Kikinda', 'RS'),
    ('kirs', 'Komesarijat za izbeglice i migracije', 'RS'),
    ('udruzenje-rod', 'Udruženje ROD Kikinda', 'RS'),
    ('iom-serbia', 'IOM Serbia', 'RS'),
    ('csr-bijeljina', 'Centar za socijalni rad Bijeljina', 'BA'),
    ('otaharin', 'Otaharin (Bijeljina)', 'BA');

insert into working_group (code, name, municipality, country) values
    ('kikinda-child-protection', 'Radna grupa za zaštitu dece Kikinda', 'Kikinda', 'RS'),
    ('bijeljina-child-protection', 'Radna grupa za zaštitu bezbjednosti djeteta Bijeljina', 'Bijeljina', 'BA');
insert into working_group_member (group_code, agency) values
    ('kikinda-child-protection', 'csr-kikinda'),
    ('kikinda-child-protection', 'udruzenje-rod'),
    ('kikinda-child-protection', 'iom-serbia'),
    ('kikinda-child-protection', 'kirs'),
    ('kikinda-child-protection', 'minrzs'),
    ('bijeljina-child-protection', 'csr-bijeljina'),
    ('bijeljina-child-protection', 'otaharin');

update agency set kind = 'social-welfare-centre', municipality = 'Kikinda',
    description = 'Centre for social work, Kikinda (statutory guardianship authority)',
    website = 'https://csr-kikinda.uputnica.test', email = 'info@csr-kikinda.uputnica.test', phone = '+381 230 000 100'
    where alias = 'csr-kikinda';
update agency set kind = 'government-agency', municipality = 'Beograd',
    description = 'Commissariat for refugees and migration (Serbia)',
    website = 'https://kirs.uputnica.test', email = 'info@kirs.uputnica.test', phone = '+381 11 000 0200'
    where alias = 'kirs';
update agency set kind = 'ngo', municipality = 'Kikinda',
    description = 'Civil-society organisation, Kikinda',
    website = 'https://udruzenje-rod.uputnica.test', email = 'info@udruzenje-rod.uputnica.test', phone = '+381 230 000 200'
    where alias = 'udruzenje-rod';
update agency set kind = 'international-organisation', municipality = 'Beograd',
    description = 'International Organization for Migration, Serbia mission',
    website = 'https://iom-serbia.uputnica.test', email = 'info@iom-serbia.uputnica.test', phone = '+381 11 000 0300'
    where alias = 'iom-serbia';
update agency set kind = 'social-welfare-centre', municipality = 'Bijeljina',
    description = 'Centre for social work, Bijeljina (guardianship authority)',
    website = 'https://csr-bijeljina.uputnica.test', email = 'info@csr-bijeljina.uputnica.test', phone = '+387 55 000 100'
    where alias = 'csr-bijeljina';
update agency set kind = 'ngo', municipality = 'Bijeljina',
    description = 'Civil-society organisation, Bijeljina (Roma education)',
    website = 'https://otaharin.uputnica.test', email = 'info@otaharin.uputnica.test', phone = '+387 55 000 200'
    where alias = 'otaharin';

-- Protocols: a local protocol of each working group and a national SOP for a kind of service.
insert into protocol (code, current_version, created_at) values
    ('sop-unaccompanied-children', 1, '2026-01-01T00:00:00Z'),
    ('kikinda-children-begging', 1, '2026-01-01T00:00:00Z'),
    ('bijeljina-children-begging', 1, '2026-01-01T00:00:00Z');

insert into protocol_version (id, code, version, name, description, lead_agency, scope_working_group, created_at,
                              created_by_user, created_by_name) values
    ('00000000-0000-4000-8000-000000000002', 'sop-unaccompanied-children', 1,
     'Standardne operativne procedure za zaštitu dece migranata bez pratnje',
     'Guardianship and family tracing for unaccompanied and separated migrant children: a guardian is appointed '
         || 'and tracing starts within a day in an emergency.',
     'minrzs', null, '2026-01-01T00:00:00Z', 'uputnica', 'uputnica'),
    ('00000000-0000-4000-8000-000000000003', 'kikinda-children-begging', 1,
     'Protokol o postupanju sa decom zatečenom u prosjačenju (Kikinda)',
     'Local protocol of the Kikinda child-protection working group for children found begging or living and '
         || 'working on the street: the CSR leads, Udruženje ROD provides outreach and the drop-in centre.',
     'csr-kikinda', 'kikinda-child-protection', '2026-01-01T00:00:00Z', 'uputnica', 'uputnica'),
    ('00000000-0000-4000-8000-000000000004', 'bijeljina-children-begging', 1,
     'Protokol o zaštiti i zbrinjavanju djece zatečene u prosjačenju (Bijeljina)',
     'Local protocol of the Bijeljina working group for child safety for children found begging.',
     'csr-bijeljina', 'bijeljina-child-protection', '2026-01-01T00:00:00Z', 'uputnica', 'uputnica');

insert into protocol_scope_service (protocol_version_id, service) values
    ('00000000-0000-4000-8000-000000000002', 'GUARDIANSHIP'),
    ('00000000-0000-4000-8000-000000000002', 'FAMILY_TRACING'),
    ('00000000-0000-4000-8000-000000000003', 'PSYCHOSOCIAL_SUPPORT'),
    ('00000000-0000-4000-8000-000000000003', 'MATERIAL_ASSISTANCE'),
    ('00000000-0000-4000-8000-000000000003', 'EDUCATION'),
    ('00000000-0000-4000-8000-000000000003', 'HEALTH_CARE'),
    ('00000000-0000-4000-8000-000000000003', 'CASE_MANAGEMENT'),
    ('00000000-0000-4000-8000-000000000004', 'PSYCHOSOCIAL_SUPPORT'),
    ('00000000-0000-4000-8000-000000000004', 'MATERIAL_ASSISTANCE'),
    ('00000000-0000-4000-8000-000000000004', 'EDUCATION'),
    ('00000000-0000-4000-8000-000000000004', 'CASE_MANAGEMENT');

insert into protocol_notify_agency (protocol_version_id, agency) values
    ('00000000-0000-4000-8000-000000000002', 'kirs'),
    ('00000000-0000-4000-8000-000000000002', 'iom-serbia'),
    ('00000000-0000-4000-8000-000000000003', 'csr-kikinda'),
    ('00000000-0000-4000-8000-000000000004', 'csr-bijeljina');

insert into protocol_required_data (protocol_version_id, data_item) values
    ('00000000-0000-4000-8000-000000000002', 'IDENTITY'),
    ('00000000-0000-4000-8000-000000000002', 'DATE_OF_BIRTH'),
    ('00000000-0000-4000-8000-000000000002', 'LANGUAGE'),
    ('00000000-0000-4000-8000-000000000002', 'LEGAL_STATUS'),
    ('00000000-0000-4000-8000-000000000003', 'IDENTITY'),
    ('00000000-0000-4000-8000-000000000004', 'IDENTITY');

insert into protocol_deadline (protocol_version_id, urgency, acknowledge, respond, first_contact, escalate_after) values
    ('00000000-0000-4000-8000-000000000002', 'EMERGENCY', 'PT12H', 'PT24H', 'PT24H', 'PT12H'),
    ('00000000-0000-4000-8000-000000000002', 'URGENT', 'PT24H', 'PT72H', 'PT72H', 'PT24H'),
    ('00000000-0000-4000-8000-000000000002', 'ROUTINE', 'PT72H', 'P7D', 'P7D', 'PT72H'),
    ('00000000-0000-4000-8000-000000000003', 'EMERGENCY', 'PT12H', 'PT24H', 'PT24H', 'PT12H'),
    ('00000000-0000-4000-8000-000000000003', 'URGENT', 'PT48H', 'PT72H', 'P5D', 'PT48H'),
    ('00000000-0000-4000-8000-000000000003', 'ROUTINE', 'P7D', 'P14D', 'P21D', 'P7D'),
    ('00000000-0000-4000-8000-000000000004', 'EMERGENCY', 'PT12H', 'PT24H', 'PT24H', 'PT12H'),
    ('00000000-0000-4000-8000-000000000004', 'URGENT', 'PT48H', 'PT72H', 'P5D', 'PT48H'),
    ('00000000-0000-4000-8000-000000000004', 'ROUTINE', 'P7D', 'P14D', 'P21D', 'P7D');
end
$demo$;
