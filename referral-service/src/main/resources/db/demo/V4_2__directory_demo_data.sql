-- Demo directory of the pilot agencies (the local realm's organisations). Addresses, phones and e-mails are
-- fictional (*.uputnica.test); capacities are examples. Ids are fixed so that docs and tests can name them.
-- municipality_keys = MunicipalityKey.of(municipality) and of each service area (lower case, no diacritics).

-- Runs only where the flyway placeholder demo_data is true (the dev, test and local profiles): in production
-- the migration is recorded as applied and inserts nothing.
do $demo$
begin
if '${demo_data}' <> 'true' then
    return;
end if;

insert into directory_service (id, agency, category, name, description, status, min_age, max_age, sex, legal_statuses,
                               eligibility_description, languages, interpretation_available, location_name, address,
                               postal_code, municipality, latitude, longitude, service_areas, municipality_keys,
                               contact_name, contact_email, contact_phone, capacity, vacancies, waitlist,
                               capacity_updated_at, capacity_updated_by, created_at, created_by, updated_at, updated_by)
values
    -- Udruženje ROD Kikinda
    ('d1000000-0000-4000-8000-000000000001', 'udruzenje-rod', 'PSYCHOSOCIAL_SUPPORT',
     'Psihosocijalna podrška deci i mladima',
     'Individual and group psychosocial support for children and young people at risk, including children on the move.',
     'ACTIVE', 6, 18, 'ANY', '{}', 'Children and young people from 6 to 18 and their families.',
     '{sr,hu,rom}', false, 'Savetovalište ROD', 'Generala Drapšina 10', '23300', 'Kikinda', 45.8297, 20.4653,
     '{Kikinda,Nova Crnja,Novi Kneževac,Čoka}', '{kikinda,nova crnja,novi knezevac,coka}',
     'Savetovalište', 'savetovaliste@udruzenje-rod.uputnica.test', '+381 230 000 201',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000002', 'udruzenje-rod', 'EDUCATION',
     'Dnevni boravak za decu',
     'Day care with homework help, creative workshops and a warm meal for school children.',
     'ACTIVE', 6, 14, 'ANY', '{}', 'School children from 6 to 14.',
     '{sr,hu,rom}', false, 'Dnevni boravak ROD', 'Generala Drapšina 10', '23300', 'Kikinda', 45.8297, 20.4653,
     '{Kikinda}', '{kikinda}',
     'Dnevni boravak', 'boravak@udruzenje-rod.uputnica.test', '+381 230 000 202',
     20, 4, 0, now(), 'seed', now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000003', 'udruzenje-rod', 'PSYCHOSOCIAL_SUPPORT',
     'Grupa podrške za devojčice',
     'A weekly support group for girls who have experienced or are at risk of gender-based violence.',
     'ACTIVE', 12, 18, 'FEMALE', '{}', 'Girls from 12 to 18.',
     '{sr,hu}', false, 'Savetovalište ROD', 'Generala Drapšina 10', '23300', 'Kikinda', 45.8297, 20.4653,
     '{Kikinda}', '{kikinda}',
     'Savetovalište', 'savetovaliste@udruzenje-rod.uputnica.test', '+381 230 000 201',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    -- IOM Serbia
    ('d1000000-0000-4000-8000-000000000004', 'iom-serbia', 'INTERPRETATION',
     'Usmeno prevođenje i kulturna medijacija',
     'Interpreters and cultural mediators for interviews with social workers, doctors, police and schools, in person or by phone.',
     'ACTIVE', null, null, 'ANY', '{ASYLUM_SEEKER,REFUGEE,UNDOCUMENTED,RETURNEE}',
     'Migrants, asylum seekers, refugees and returnees, and the agencies working with them.',
     '{en,ar,fa,ps,ur,fr}', true, 'IOM Beograd', 'Resavska 20', '11000', 'Beograd', 44.8058, 20.4633,
     '{Beograd,Kikinda,Subotica,Šid,Preševo,Obrenovac}', '{beograd,kikinda,subotica,sid,presevo,obrenovac}',
     'Migrant protection unit', 'protection@iom-serbia.uputnica.test', '+381 11 000 0301',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000005', 'iom-serbia', 'FAMILY_TRACING',
     'Traženje članova porodice',
     'Tracing family members of unaccompanied and separated children and restoring contact, with the guardianship authority.',
     'ACTIVE', null, null, 'ANY', '{ASYLUM_SEEKER,REFUGEE,UNDOCUMENTED}',
     'Unaccompanied and separated children and adults who lost contact with family on the move.',
     '{en,ar,fa,ps,ur}', true, 'IOM Beograd', 'Resavska 20', '11000', 'Beograd', 44.8058, 20.4633,
     '{Beograd,Kikinda,Subotica,Šid}', '{beograd,kikinda,subotica,sid}',
     'Migrant protection unit', 'protection@iom-serbia.uputnica.test', '+381 11 000 0301',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    -- KIRS
    ('d1000000-0000-4000-8000-000000000006', 'kirs', 'SHELTER',
     'Prihvatni centar Kikinda',
     'Reception centre: accommodation, food, clothing and basic health care for migrants and asylum seekers.',
     'ACTIVE', null, null, 'ANY', '{ASYLUM_SEEKER,REFUGEE,UNDOCUMENTED}',
     'Migrants and asylum seekers; families and unaccompanied children are placed in separate sections.',
     '{sr,en,ar,fa}', true, 'Prihvatni centar Kikinda', 'Severna industrijska zona bb', '23300', 'Kikinda', 45.8421, 20.4502,
     '{Kikinda}', '{kikinda}',
     'Upravnik centra', 'pc.kikinda@kirs.uputnica.test', '+381 230 000 300',
     150, 23, 0, now(), 'seed', now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000007', 'kirs', 'SHELTER',
     'Centar za azil Krnjača',
     'Asylum centre: accommodation for asylum seekers during the asylum procedure.',
     'ACTIVE', null, null, 'ANY', '{ASYLUM_SEEKER}',
     'Persons who have expressed the intention to seek asylum in Serbia.',
     '{sr,en,ar,fa,ps,ur}', true, 'Centar za azil Krnjača', 'Ivana Milutinovića bb', '11210', 'Beograd', 44.8333, 20.4833,
     '{Beograd}', '{beograd}',
     'Upravnik centra', 'ca.krnjaca@kirs.uputnica.test', '+381 11 000 0201',
     1000, 0, 12, now(), 'seed', now(), 'seed', now(), 'seed'),
    -- CSR Kikinda
    ('d1000000-0000-4000-8000-000000000008', 'csr-kikinda', 'GUARDIANSHIP',
     'Starateljstvo nad maloletnicima bez pratnje',
     'Appointing a guardian for unaccompanied and separated children found in the municipality.',
     'ACTIVE', 0, 17, 'ANY', '{}', 'Children without parental care, including unaccompanied migrant children.',
     '{sr,hu}', false, 'Centar za socijalni rad Kikinda', 'Miloša Velikog 4', '23300', 'Kikinda', 45.8290, 20.4620,
     '{Kikinda}', '{kikinda}',
     'Služba za zaštitu dece', 'deca@csr-kikinda.uputnica.test', '+381 230 000 101',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000009', 'csr-kikinda', 'CASE_MANAGEMENT',
     'Vođenje slučaja',
     'Assessment, individual plan and case management for children and adults at risk.',
     'ACTIVE', null, null, 'ANY', '{}', 'Residents of Kikinda and persons found in the municipality who need protection.',
     '{sr,hu}', false, 'Centar za socijalni rad Kikinda', 'Miloša Velikog 4', '23300', 'Kikinda', 45.8290, 20.4620,
     '{Kikinda}', '{kikinda}',
     'Prijemna služba', 'prijem@csr-kikinda.uputnica.test', '+381 230 000 102',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000010', 'csr-kikinda', 'SHELTER',
     'Urgentni hraniteljski smeštaj',
     'Emergency placement of a child in a foster family, day and night.',
     'ACTIVE', 0, 17, 'ANY', '{}', 'Children who must be placed out of their family at once.',
     '{sr,hu}', false, 'Centar za socijalni rad Kikinda', 'Miloša Velikog 4', '23300', 'Kikinda', 45.8290, 20.4620,
     '{Kikinda}', '{kikinda}',
     'Dežurni radnik', 'dezurni@csr-kikinda.uputnica.test', '+381 230 000 103',
     6, 2, 0, now(), 'seed', now(), 'seed', now(), 'seed'),
    -- Otaharin (Bijeljina)
    ('d1000000-0000-4000-8000-000000000011', 'otaharin', 'EDUCATION',
     'Podrška u obrazovanju romske djece',
     'Learning club, enrolment help and mentoring for Roma children, including children of returnees.',
     'ACTIVE', 6, 15, 'ANY', '{CITIZEN,RETURNEE}', 'Roma children from 6 to 15 and their parents.',
     '{bs,sr,rom}', false, 'Otaharin', 'Karađorđeva 15', '76300', 'Bijeljina', 44.7570, 19.2150,
     '{Bijeljina,Ugljevik,Lopare}', '{bijeljina,ugljevik,lopare}',
     'Koordinatorka programa', 'obrazovanje@otaharin.uputnica.test', '+387 55 000 201',
     40, 6, 0, now(), 'seed', now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000012', 'otaharin', 'LEGAL_AID',
     'Info tačka za povratnike',
     'Information and help with documents, registration and rights for returnees under readmission agreements.',
     'ACTIVE', null, null, 'ANY', '{RETURNEE}', 'Returnees and their families.',
     '{bs,rom,de}', false, 'Otaharin', 'Karađorđeva 15', '76300', 'Bijeljina', 44.7570, 19.2150,
     '{Bijeljina}', '{bijeljina}',
     'Info tačka', 'info.tacka@otaharin.uputnica.test', '+387 55 000 202',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    -- CSR Bijeljina
    ('d1000000-0000-4000-8000-000000000013', 'csr-bijeljina', 'GUARDIANSHIP',
     'Starateljstvo',
     'Guardianship for children without parental care.',
     'ACTIVE', 0, 17, 'ANY', '{}', 'Children without parental care.',
     '{bs,sr}', false, 'Centar za socijalni rad Bijeljina', 'Njegoševa 2', '76300', 'Bijeljina', 44.7590, 19.2160,
     '{Bijeljina}', '{bijeljina}',
     'Služba za zaštitu djece', 'djeca@csr-bijeljina.uputnica.test', '+387 55 000 101',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000014', 'csr-bijeljina', 'CASE_MANAGEMENT',
     'Zbrinjavanje djece zatečene u prosjačenju',
     'Case management under the Bijeljina protocol on children found begging, with the child-protection working group.',
     'ACTIVE', 0, 17, 'ANY', '{}', 'Children found begging or living or working on the street.',
     '{bs,sr,rom}', false, 'Centar za socijalni rad Bijeljina', 'Njegoševa 2', '76300', 'Bijeljina', 44.7590, 19.2160,
     '{Bijeljina}', '{bijeljina}',
     'Služba za zaštitu djece', 'djeca@csr-bijeljina.uputnica.test', '+387 55 000 101',
     null, null, null, null, null, now(), 'seed', now(), 'seed'),
    ('d1000000-0000-4000-8000-000000000015', 'csr-bijeljina', 'MATERIAL_ASSISTANCE',
     'Jednokratna novčana pomoć',
     'One-off financial assistance for families in acute need.',
     'ACTIVE', null, null, 'ANY', '{CITIZEN,RETURNEE}', 'Families resident in Bijeljina, including returnees.',
     '{bs,sr}', false, 'Centar za socijalni rad Bijeljina', 'Njegoševa 2', '76300', 'Bijeljina', 44.7590, 19.2160,
     '{Bijeljina}', '{bijeljina}',
     'Prijemna služba', 'prijem@csr-bijeljina.uputnica.test', '+387 55 000 102',
     null, null, null, null, null, now(), 'seed', now(), 'seed');

-- Opening hours: office hours on weekdays; the shelters day and night.
insert into directory_service_schedule (service_id, weekday, opens_at, closes_at)
select s.id, d.weekday, s.opens, s.closes
from (values
        ('d1000000-0000-4000-8000-000000000001'::uuid, time '09:00', time '17:00', 5),
        ('d1000000-0000-4000-8000-000000000002'::uuid, time '12:00', time '18:00', 5),
        ('d1000000-0000-4000-8000-000000000004'::uuid, time '08:00', time '16:00', 5),
        ('d1000000-0000-4000-8000-000000000005'::uuid, time '09:00', time '15:00', 4),
        ('d1000000-0000-4000-8000-000000000006'::uuid, time '00:00', time '23:59', 7),
        ('d1000000-0000-4000-8000-000000000007'::uuid, time '00:00', time '23:59', 7),
        ('d1000000-0000-4000-8000-000000000008'::uuid, time '07:00', time '15:00', 5),
        ('d1000000-0000-4000-8000-000000000009'::uuid, time '07:00', time '15:00', 5),
        ('d1000000-0000-4000-8000-000000000010'::uuid, time '00:00', time '23:59', 7),
        ('d1000000-0000-4000-8000-000000000011'::uuid, time '13:00', time '18:00', 5),
        ('d1000000-0000-4000-8000-000000000012'::uuid, time '09:00', time '14:00', 3),
        ('d1000000-0000-4000-8000-000000000013'::uuid, time '07:00', time '15:00', 5),
        ('d1000000-0000-4000-8000-000000000014'::uuid, time '07:00', time '15:00', 5),
        ('d1000000-0000-4000-8000-000000000015'::uuid, time '07:00', time '15:00', 5)
    ) as s (id, opens, closes, days)
join (values (1, 'MONDAY'), (2, 'TUESDAY'), (3, 'WEDNESDAY'), (4, 'THURSDAY'), (5, 'FRIDAY'), (6, 'SATURDAY'),
             (7, 'SUNDAY')) as d (n, weekday) on d.n <= s.days;

-- The girls' group meets on Wednesday afternoons only.
insert into directory_service_schedule (service_id, weekday, opens_at, closes_at)
values ('d1000000-0000-4000-8000-000000000003', 'WEDNESDAY', '16:00', '18:00');

-- The seeded capacities are the first entry of each capacity history.
insert into directory_capacity_update (service_id, at, capacity, vacancies, waitlist, actor_user, actor_name, actor_agency)
select id, capacity_updated_at, capacity, vacancies, waitlist, 'seed', 'seed', agency
from directory_service where capacity is not null;
end
$demo$;
