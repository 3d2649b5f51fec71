#!/usr/bin/env python3
"""Writes the console's message bundles (one file per language) and the Msg interface from one table.
sr-Cyrl is transliterated from sr-Latn. Run from the repository root: python3 console/tools/messages.py"""
import re

PARAMS = {"hours_late": "long hours", "hours_left": "long hours", "referrals_total": "long count",
          "services_total": "long count", "page_of": "int page, int pages", "vacancies": "int free, int capacity"}

# key: (sr-Latn, bs, en)
M = {
"skip_to_content": ("Preskoči na sadržaj", "Preskoči na sadržaj", "Skip to content"),
"nav_label": ("Glavni meni", "Glavni meni", "Main menu"),
"nav_my_work": ("Moj posao", "Moj posao", "My work"),
"nav_incoming": ("Primljene", "Primljene", "Incoming"),
"nav_outgoing": ("Poslate", "Poslane", "Outgoing"),
"nav_cases": ("Predmeti", "Predmeti", "Cases"),
"nav_directory": ("Imenik usluga", "Imenik usluga", "Directory"),
"nav_coordinated": ("Uputnice grupe", "Uputnice grupe", "Group referrals"),
"nav_dashboard": ("Pregled radne grupe", "Pregled radne grupe", "Working group dashboard"),
"nav_inbox": ("Obaveštenja", "Obavještenja", "Inbox"),
"language": ("Jezik", "Jezik", "Language"),
"language_choose": ("Promeni", "Promijeni", "Change"),
"logout": ("Odjava", "Odjava", "Sign out"),
"back_to_my_work": ("Nazad na moj posao", "Nazad na moj posao", "Back to my work"),
"signed_out_title": ("Odjavljeni ste", "Odjavljeni ste", "You are signed out"),
"signed_out_text": ("Vaša sesija je završena.", "Vaša sesija je završena.", "Your session has ended."),
"sign_in_again": ("Prijavite se ponovo", "Prijavite se ponovo", "Sign in again"),
"my_work_title": ("Šta čeka na mene", "Šta čeka na mene", "What needs me now"),
"my_work_to_acknowledge": ("Nove uputnice za potvrdu prijema", "Nove uputnice za potvrdu prijema", "New referrals to acknowledge"),
"my_work_to_decide": ("Odluke koje duguje moja ustanova", "Odluke koje duguje moja ustanova", "Decisions my agency owes"),
"my_work_overdue": ("Uputnice sa prekoračenim rokom", "Uputnice s prekoračenim rokom", "Overdue referrals"),
"my_work_unread": ("Nepročitana obaveštenja", "Nepročitana obavještenja", "Unread inbox items"),
"nothing": ("Nema ničega.", "Nema ničega.", "Nothing."),
"open": ("Otvori", "Otvori", "Open"),
"hours_left": ("još {hours} h", "još {hours} h", "{hours} h left"),
"hours_late": ("kasni {hours} h", "kasni {hours} h", "{hours} h late"),
"all": ("Sve", "Sve", "All"),
"filter": ("Filtriraj", "Filtriraj", "Filter"),
"search": ("Traži", "Traži", "Search"),
"show": ("Prikaži", "Prikaži", "Show"),
"pages": ("Stranice", "Stranice", "Pages"),
"previous": ("Prethodna", "Prethodna", "Previous"),
"next": ("Sledeća", "Sljedeća", "Next"),
"page_of": ("Strana {page} od {pages}", "Stranica {page} od {pages}", "Page {page} of {pages}"),
"referrals_total": ("Ukupno uputnica: {count}", "Ukupno uputnica: {count}", "Referrals: {count}"),
"services_total": ("Ukupno usluga: {count}", "Ukupno usluga: {count}", "Services: {count}"),
"direction_INCOMING": ("Primljene uputnice", "Primljene uputnice", "Incoming referrals"),
"direction_OUTGOING": ("Poslate uputnice", "Poslane uputnice", "Outgoing referrals"),
"direction_COORDINATED": ("Uputnice radne grupe", "Uputnice radne grupe", "Working group referrals"),
"referral_title": ("Uputnica", "Uputnica", "Referral"),
"referral_reference": ("Broj", "Broj", "Reference"),
"referral_status": ("Status", "Status", "Status"),
"referral_urgency": ("Hitnost", "Hitnost", "Urgency"),
"referral_service": ("Usluga", "Usluga", "Service"),
"referral_from": ("Od", "Od", "From"),
"referral_to": ("Kome", "Kome", "To"),
"referral_sent": ("Poslata", "Poslana", "Sent"),
"referral_reason": ("Razlog upućivanja", "Razlog upućivanja", "Reason for referral"),
"referral_withheld": ("Skriveno: saglasnost je povučena.", "Skriveno: saglasnost je povučena.", "Withheld: the consent was withdrawn."),
"referral_pdf": ("Obrazac uputnice (PDF)", "Obrazac uputnice (PDF)", "Referral form (PDF)"),
"referral_new": ("Nova uputnica", "Nova uputnica", "New referral"),
"referral_send": ("Pošalji uputnicu", "Pošalji uputnicu", "Send referral"),
"referral_changed_meanwhile": ("Uputnicu je u međuvremenu promenio neko drugi. Pogledajte novo stanje i pokušajte ponovo.", "Uputnicu je u međuvremenu promijenio neko drugi. Pogledajte novo stanje i pokušajte ponovo.", "The referral was changed meanwhile by someone else. Review its new state and try again."),
"person": ("Osoba", "Osoba", "Person"),
"person_name": ("Ime i prezime", "Ime i prezime", "Name"),
"person_name_cyrillic": ("Ime ćirilicom", "Ime ćirilicom", "Name in Cyrillic"),
"person_given_name": ("Ime", "Ime", "Given name"),
"person_family_name": ("Prezime", "Prezime", "Family name"),
"person_born": ("Datum rođenja", "Datum rođenja", "Date of birth"),
"person_sex": ("Pol", "Spol", "Sex"),
"person_languages": ("Jezici", "Jezici", "Languages"),
"person_not_shared": ("Podaci o osobi nisu podeljeni sa vašom ustanovom.", "Podaci o osobi nisu podijeljeni s vašom ustanovom.", "The person's data is not shared with your agency."),
"deadlines": ("Rokovi", "Rokovi", "Deadlines"),
"actions": ("Radnje", "Radnje", "Actions"),
"history": ("Istorija", "Historija", "History"),
"system": ("sistem", "sistem", "system"),
"note": ("Napomena", "Napomena", "Note"),
"note_optional": ("Napomena (nije obavezna)", "Napomena (nije obavezna)", "Note (optional)"),
"note_add": ("Dodaj belešku", "Dodaj bilješku", "Add note"),
"notes": ("Beleške", "Bilješke", "Notes"),
"reason": ("Razlog", "Razlog", "Reason"),
"decline_reason": ("Razlog odbijanja", "Razlog odbijanja", "Reason for declining"),
"outcome": ("Ishod", "Ishod", "Outcome"),
"forward_to": ("Prosledi ustanovi", "Proslijedi ustanovi", "Forward to"),
"action_acknowledge": ("Potvrdi prijem", "Potvrdi prijem", "Acknowledge"),
"action_accept": ("Prihvati", "Prihvati", "Accept"),
"action_decline": ("Odbij", "Odbij", "Decline"),
"action_start": ("Započni rad", "Započni rad", "Start work"),
"action_resume": ("Nastavi rad", "Nastavi rad", "Resume work"),
"action_hold": ("Stavi na čekanje", "Stavi na čekanje", "Put on hold"),
"action_complete": ("Završi", "Završi", "Complete"),
"action_withdraw": ("Povuci uputnicu", "Povuci uputnicu", "Withdraw"),
"action_forward": ("Prosledi", "Proslijedi", "Forward"),
"action_escalate": ("Preuzmi kao koordinator", "Preuzmi kao koordinator", "Escalate"),
"action_send": ("Pošalji", "Pošalji", "Send"),
"status_DRAFT": ("Nacrt", "Nacrt", "Draft"),
"status_SENT": ("Poslata", "Poslana", "Sent"),
"status_ACKNOWLEDGED": ("Prijem potvrđen", "Prijem potvrđen", "Acknowledged"),
"status_ESCALATED": ("Eskalirana", "Eskalirana", "Escalated"),
"status_ACCEPTED": ("Prihvaćena", "Prihvaćena", "Accepted"),
"status_IN_PROGRESS": ("U radu", "U radu", "In progress"),
"status_ON_HOLD": ("Na čekanju", "Na čekanju", "On hold"),
"status_DECLINED": ("Odbijena", "Odbijena", "Declined"),
"status_COMPLETED": ("Završena", "Završena", "Completed"),
"status_WITHDRAWN": ("Povučena", "Povučena", "Withdrawn"),
"status_FORWARDED": ("Prosleđena", "Proslijeđena", "Forwarded"),
"urgency_EMERGENCY": ("Hitno odmah", "Hitno odmah", "Emergency"),
"urgency_URGENT": ("Hitno", "Hitno", "Urgent"),
"urgency_ROUTINE": ("Redovno", "Redovno", "Routine"),
"service_PSYCHOSOCIAL_SUPPORT": ("Psihosocijalna podrška", "Psihosocijalna podrška", "Psychosocial support"),
"service_SHELTER": ("Smeštaj", "Smještaj", "Shelter"),
"service_LEGAL_AID": ("Pravna pomoć", "Pravna pomoć", "Legal aid"),
"service_HEALTH_CARE": ("Zdravstvena zaštita", "Zdravstvena zaštita", "Health care"),
"service_EDUCATION": ("Obrazovanje", "Obrazovanje", "Education"),
"service_GUARDIANSHIP": ("Starateljstvo", "Starateljstvo", "Guardianship"),
"service_INTERPRETATION": ("Prevođenje", "Prevođenje", "Interpretation"),
"service_FAMILY_TRACING": ("Traženje porodice", "Traženje porodice", "Family tracing"),
"service_MATERIAL_ASSISTANCE": ("Materijalna pomoć", "Materijalna pomoć", "Material assistance"),
"service_CASE_MANAGEMENT": ("Vođenje slučaja", "Vođenje slučaja", "Case management"),
"decline_NOT_ELIGIBLE": ("Ne ispunjava uslove", "Ne ispunjava uslove", "Not eligible"),
"decline_NO_CAPACITY": ("Nema slobodnih mesta", "Nema slobodnih mjesta", "No capacity"),
"decline_SERVICE_NOT_PROVIDED": ("Ne pružamo tu uslugu", "Ne pružamo tu uslugu", "Service not provided"),
"decline_UNABLE_TO_CONTACT": ("Kontakt nije uspostavljen", "Kontakt nije uspostavljen", "Unable to contact"),
"decline_DUPLICATE": ("Duplikat", "Duplikat", "Duplicate"),
"decline_OTHER": ("Drugo", "Drugo", "Other"),
"outcome_PROVIDED": ("Usluga pružena", "Usluga pružena", "Provided"),
"outcome_PARTLY_PROVIDED": ("Delimično pružena", "Djelimično pružena", "Partly provided"),
"outcome_NOT_PROVIDED": ("Nije pružena", "Nije pružena", "Not provided"),
"deadline_ACKNOWLEDGE": ("Potvrda prijema", "Potvrda prijema", "Acknowledge"),
"deadline_RESPOND": ("Odgovor", "Odgovor", "Respond"),
"deadline_FIRST_CONTACT": ("Prvi kontakt", "Prvi kontakt", "First contact"),
"deadline_state_PENDING": ("u toku", "u toku", "pending"),
"deadline_state_OVERDUE": ("prekoračen", "prekoračen", "overdue"),
"deadline_state_ESCALATED": ("eskaliran", "eskaliran", "escalated"),
"deadline_state_MET": ("ispunjen", "ispunjen", "met"),
"deadline_state_CANCELLED": ("otkazan", "otkazan", "cancelled"),
"notice_REFERRAL_RECEIVED": ("Primljena nova uputnica", "Primljena nova uputnica", "New referral received"),
"notice_REFERRAL_SENT": ("Uputnica poslata", "Uputnica poslana", "Referral sent"),
"notice_REFERRAL_ACKNOWLEDGED": ("Prijem uputnice potvrđen", "Prijem uputnice potvrđen", "Referral acknowledged"),
"notice_REFERRAL_ACCEPTED": ("Uputnica prihvaćena", "Uputnica prihvaćena", "Referral accepted"),
"notice_REFERRAL_DECLINED": ("Uputnica odbijena", "Uputnica odbijena", "Referral declined"),
"notice_REFERRAL_IN_PROGRESS": ("Rad po uputnici započet", "Rad po uputnici započet", "Work started"),
"notice_REFERRAL_ON_HOLD": ("Uputnica na čekanju", "Uputnica na čekanju", "Referral on hold"),
"notice_REFERRAL_COMPLETED": ("Uputnica završena", "Uputnica završena", "Referral completed"),
"notice_REFERRAL_WITHDRAWN": ("Uputnica povučena", "Uputnica povučena", "Referral withdrawn"),
"notice_REFERRAL_FORWARDED": ("Uputnica prosleđena", "Uputnica proslijeđena", "Referral forwarded"),
"notice_REFERRAL_OVERDUE": ("Rok prekoračen", "Rok prekoračen", "Deadline passed"),
"notice_REFERRAL_ESCALATED": ("Uputnica eskalirana", "Uputnica eskalirana", "Referral escalated"),
"notice_REFERRAL_SHARING_REVOKED": ("Saglasnost povučena: podaci se više ne smeju koristiti", "Saglasnost povučena: podaci se više ne smiju koristiti", "Consent withdrawn: the shared data may no longer be used"),
"inbox_title": ("Obaveštenja", "Obavještenja", "Inbox"),
"inbox_all": ("Sva obaveštenja", "Sva obavještenja", "All items"),
"inbox_unread_only": ("Samo nepročitana", "Samo nepročitana", "Unread only"),
"unread": ("Novo", "Novo", "New"),
"cases_title": ("Predmeti moje ustanove", "Predmeti moje ustanove", "My agency's cases"),
"cases_mine": ("Otvoreni predmeti", "Otvoreni predmeti", "Open cases"),
"case_title": ("Predmet", "Predmet", "Case"),
"case_new": ("Novi predmet", "Novi predmet", "New case"),
"case_open": ("Otvori predmet", "Otvori predmet", "Open case"),
"case_reference": ("Broj predmeta", "Broj predmeta", "Case reference"),
"case_category": ("Kategorija", "Kategorija", "Category"),
"case_step": ("Faza", "Faza", "Step"),
"case_opened": ("Otvoren", "Otvoren", "Opened"),
"case_owner": ("Nadležna ustanova", "Nadležna ustanova", "Owning agency"),
"category_UNACCOMPANIED_MINOR": ("Maloletnik bez pratnje", "Maloljetnik bez pratnje", "Unaccompanied minor"),
"category_SEPARATED_CHILD": ("Razdvojeno dete", "Razdvojeno dijete", "Separated child"),
"category_CHILD_IN_STREET_SITUATION": ("Dete u situaciji ulice", "Dijete u situaciji ulice", "Child in street situation"),
"category_CHILD_FOUND_BEGGING": ("Dete zatečeno u prosjačenju", "Dijete zatečeno u prosjačenju", "Child found begging"),
"category_VICTIM_OF_TRAFFICKING": ("Žrtva trgovine ljudima", "Žrtva trgovine ljudima", "Victim of trafficking"),
"sex_FEMALE": ("Ženski", "Ženski", "Female"),
"sex_MALE": ("Muški", "Muški", "Male"),
"sex_OTHER": ("Drugo", "Drugo", "Other"),
"sex_UNKNOWN": ("Nepoznato", "Nepoznato", "Unknown"),
"consents": ("Saglasnosti", "Saglasnosti", "Consents"),
"consent": ("Saglasnost", "Saglasnost", "Consent"),
"consent_record": ("Evidentiraj saglasnost", "Evidentiraj saglasnost", "Record consent"),
"consent_given_by": ("Ko daje saglasnost", "Ko daje saglasnost", "Given by"),
"consent_giver_name": ("Ime davaoca saglasnosti", "Ime davaoca saglasnosti", "Name of the person giving consent"),
"consent_purpose": ("Svrha", "Svrha", "Purpose"),
"consent_to_agency": ("Za ustanovu", "Za ustanovu", "To agency"),
"consent_data": ("Podaci koji se dele", "Podaci koji se dijele", "Data to share"),
"consent_valid_from": ("Važi od", "Važi od", "Valid from"),
"consent_valid_until": ("Važi do", "Važi do", "Valid until"),
"consent_method": ("Način davanja", "Način davanja", "How it was given"),
"consent_withdraw": ("Povuci saglasnost", "Povuci saglasnost", "Withdraw consent"),
"consent_withdrawn": ("Povučena", "Povučena", "Withdrawn"),
"giver_PERSON": ("Sama osoba", "Sama osoba", "The person"),
"giver_PARENT": ("Roditelj", "Roditelj", "Parent"),
"giver_GUARDIAN": ("Staratelj", "Staratelj", "Guardian"),
"giver_LEGAL_REPRESENTATIVE": ("Zakonski zastupnik", "Zakonski zastupnik", "Legal representative"),
"method_SIGNED_FORM": ("Potpisan obrazac", "Potpisan obrazac", "Signed form"),
"method_VERBAL_WITH_WITNESS": ("Usmeno uz svedoka", "Usmeno uz svjedoka", "Verbal, with a witness"),
"method_ELECTRONIC": ("Elektronski", "Elektronski", "Electronic"),
"data_IDENTITY": ("Identitet", "Identitet", "Identity"),
"data_NATIONAL_ID": ("JMBG i broj pasoša", "JMBG i broj pasoša", "JMBG and passport numbers"),
"data_DATE_OF_BIRTH": ("Datum rođenja", "Datum rođenja", "Date of birth"),
"data_CONTACT": ("Kontakt", "Kontakt", "Contact"),
"data_LANGUAGE": ("Jezik", "Jezik", "Language"),
"data_LEGAL_STATUS": ("Pravni status", "Pravni status", "Legal status"),
"data_FAMILY": ("Porodica", "Porodica", "Family"),
"data_HEALTH": ("Zdravlje", "Zdravlje", "Health"),
"data_RISK_ASSESSMENT": ("Procena rizika", "Procjena rizika", "Risk assessment"),
"data_CASE_SUMMARY": ("Sažetak predmeta", "Sažetak predmeta", "Case summary"),
"step_directory": ("1. Pronađite uslugu u imeniku", "1. Pronađite uslugu u imeniku", "1. Find a service in the directory"),
"step_choose_service": ("Izaberite uslugu", "Izaberite uslugu", "Choose a service"),
"or_choose_by_hand": ("ili izaberite ustanovu i uslugu:", "ili izaberite ustanovu i uslugu:", "or choose the agency and service:"),
"step_consent": ("2. Saglasnost i podaci", "2. Saglasnost i podaci", "2. Consent and data"),
"step_details": ("3. Hitnost i razlog", "3. Hitnost i razlog", "3. Urgency and reason"),
"municipality": ("Opština", "Općina", "Municipality"),
"directory_title": ("Ustanove i usluge", "Ustanove i usluge", "Agencies and services"),
"only_vacancies": ("Samo sa slobodnim mestima", "Samo sa slobodnim mjestima", "Only with free places"),
"agency": ("Ustanova", "Ustanova", "Agency"),
"service_name": ("Naziv usluge", "Naziv usluge", "Service name"),
"capacity": ("Kapacitet", "Kapacitet", "Capacity"),
"vacancies": ("slobodno {free} od {capacity}", "slobodno {free} od {capacity}", "{free} of {capacity} free"),
"dashboard_title": ("Pregled radne grupe", "Pregled radne grupe", "Working group"),
"working_group": ("Radna grupa", "Radna grupa", "Working group"),
"period": ("Period", "Period", "Period"),
"period_month": ("Ovaj mesec", "Ovaj mjesec", "This month"),
"period_quarter": ("Ovo tromesečje", "Ovo tromjesečje", "This quarter"),
"period_year": ("Ova godina", "Ova godina", "This year"),
"download_csv": ("Preuzmi CSV", "Preuzmi CSV", "Download CSV"),
"by_status": ("Po statusu", "Po statusu", "By status"),
"by_urgency": ("Po hitnosti", "Po hitnosti", "By urgency"),
"by_service": ("Po usluzi", "Po usluzi", "By service"),
"by_agency": ("Po ustanovi primaocu", "Po ustanovi primaocu", "By receiving agency"),
"times": ("Vreme do potvrde i do odgovora (sati)", "Vrijeme do potvrde i do odgovora (sati)", "Time to acknowledge and to answer (hours)"),
"received": ("Primljeno", "Primljeno", "Received"),
"accepted": ("Prihvaćeno", "Prihvaćeno", "Accepted"),
"declined": ("Odbijeno", "Odbijeno", "Declined"),
"median_ack": ("Medijana do potvrde", "Medijana do potvrde", "Median to acknowledge"),
"p90_ack": ("90. percentil do potvrde", "90. percentil do potvrde", "90th percentile to acknowledge"),
"median_answer": ("Medijana do odgovora", "Medijana do odgovora", "Median to answer"),
"p90_answer": ("90. percentil do odgovora", "90. percentil do odgovora", "90th percentile to answer"),
"field_invalid": ("Proverite ovo polje", "Provjerite ovo polje", "Check this field"),
"pdf_title": ("Obrazac uputnice", "Obrazac uputnice", "Referral form"),
"error_403_title": ("Pristup nije dozvoljen", "Pristup nije dozvoljen", "Access denied"),
"error_403_text": ("Vaša uloga ne dozvoljava ovu stranicu ili radnju.", "Vaša uloga ne dozvoljava ovu stranicu ili radnju.", "Your role does not allow this page or action."),
"error_404_title": ("Stranica nije pronađena", "Stranica nije pronađena", "Page not found"),
"error_404_text": ("Ovo ne postoji ili nije dostupno vašoj ustanovi.", "Ovo ne postoji ili nije dostupno vašoj ustanovi.", "This does not exist or is not available to your agency."),
"error_409_title": ("Sukob izmena", "Sukob izmjena", "Conflicting change"),
"error_409_text": ("Podaci su se u međuvremenu promenili. Osvežite stranicu i pokušajte ponovo.", "Podaci su se u međuvremenu promijenili. Osvježite stranicu i pokušajte ponovo.", "The data changed meanwhile. Reload the page and try again."),
"error_503_title": ("Usluga trenutno nije dostupna", "Usluga trenutno nije dostupna", "Service unavailable"),
"error_503_text": ("Deo sistema trenutno ne odgovara. Pokušajte ponovo za nekoliko minuta.", "Dio sistema trenutno ne odgovara. Pokušajte ponovo za nekoliko minuta.", "Part of the system is not answering. Try again in a few minutes."),
"problem_generic": ("Zahtev nije prihvaćen. Proverite unete podatke.", "Zahtjev nije prihvaćen. Provjerite unesene podatke.", "The request was not accepted. Check what you entered."),
"problem_validation": ("Neka polja nisu ispravno popunjena.", "Neka polja nisu ispravno popunjena.", "Some fields are not filled in correctly."),
"problem_stale_version": ("Uputnicu je u međuvremenu promenio neko drugi. Osvežite stranicu.", "Uputnicu je u međuvremenu promijenio neko drugi. Osvježite stranicu.", "Changed meanwhile by someone else. Reload the page."),
"problem_conflict": ("Radnja nije moguća u ovom stanju.", "Radnja nije moguća u ovom stanju.", "The action is not possible in this state."),
"problem_concurrent_modification": ("Istovremena izmena. Osvežite stranicu.", "Istovremena izmjena. Osvježite stranicu.", "A concurrent change. Reload the page."),
"problem_illegal_transition": ("Ova radnja nije moguća iz trenutnog statusa.", "Ova radnja nije moguća iz trenutnog statusa.", "This action is not possible from the current status."),
"problem_already_taken": ("Uputnicu je već prihvatila druga ustanova.", "Uputnicu je već prihvatila druga ustanova.", "Another agency has already accepted it."),
"problem_no_sharing_basis": ("Nedostaje saglasnost ili pravni osnov za deljenje podataka.", "Nedostaje saglasnost ili pravni osnov za dijeljenje podataka.", "Consent or a legal basis for sharing is missing."),
"problem_consent_not_valid": ("Saglasnost ne dozvoljava ovo slanje (ustanova, podaci ili rok).", "Saglasnost ne dozvoljava ovo slanje (ustanova, podaci ili rok).", "The consent does not allow this sending (agency, data or dates)."),
"problem_consent_withdrawn": ("Saglasnost je povučena.", "Saglasnost je povučena.", "The consent was withdrawn."),
"problem_wrong_party": ("Vaša ustanova ne može da izvrši ovu radnju.", "Vaša ustanova ne može izvršiti ovu radnju.", "Your agency cannot take this action."),
"problem_not_a_party": ("Vaša ustanova nije strana u ovoj uputnici.", "Vaša ustanova nije strana u ovoj uputnici.", "Your agency is not a party of this referral."),
"problem_case_not_owned": ("Predmet ne pripada vašoj ustanovi.", "Predmet ne pripada vašoj ustanovi.", "The case does not belong to your agency."),
"problem_not_case_owner": ("Predmet ne pripada vašoj ustanovi.", "Predmet ne pripada vašoj ustanovi.", "The case does not belong to your agency."),
"problem_supervisor_required": ("Za ovo je potreban supervizor.", "Za ovo je potreban supervizor.", "This needs a supervisor."),
"problem_forbidden": ("Vaša uloga to ne dozvoljava.", "Vaša uloga to ne dozvoljava.", "Your role does not allow this."),
"problem_protocol_requirements_unmet": ("Nisu ispunjeni uslovi protokola radne grupe.", "Nisu ispunjeni uslovi protokola radne grupe.", "The working group's protocol requirements are not met."),
"problem_rate_limited": ("Previše zahteva za kratko vreme. Pokušajte ponovo kasnije.", "Previše zahtjeva za kratko vrijeme. Pokušajte ponovo kasnije.", "Too many requests in a short time. Try again later."),
"problem_case_anonymised": ("Predmet je anonimizovan.", "Predmet je anonimiziran.", "The case was anonymised."),
}

# The pages added later, in a second bundle ("pg"): Quarkus generates a wrong resolver for a bundle of more than
# about 300 messages (VerifyError in Msg_Bundle_resolve_0 at start-up).
M2 = {
"nav_settings": ("Podešavanja", "Postavke", "Settings"),
"sent_from": ("Poslata od", "Poslana od", "Sent from"),
"sent_to": ("Poslata do", "Poslana do", "Sent until"),
"overdue": ("Rokovi", "Rokovi", "Deadlines"),
"overdue_only": ("Samo sa prekoračenim rokom", "Samo s prekoračenim rokom", "Overdue only"),
"overdue_none": ("Bez prekoračenog roka", "Bez prekoračenog roka", "None overdue"),
"sort": ("Redosled", "Redoslijed", "Order"),
"sort_NEWEST": ("Najnovije prvo", "Najnovije prvo", "Newest first"),
"sort_OLDEST": ("Najstarije prvo", "Najstarije prvo", "Oldest first"),
"sort_SENT": ("Po datumu slanja", "Po datumu slanja", "By date sent"),
"sort_URGENCY": ("Najhitnije prvo", "Najhitnije prvo", "Most urgent first"),
"sort_STATUS": ("Po statusu", "Po statusu", "By status"),
"plan": ("Plan rada", "Plan rada", "Case plan"),
"goal_OPEN": ("u toku", "u toku", "open"),
"goal_ACHIEVED": ("ostvaren", "ostvaren", "achieved"),
"goal_DROPPED": ("odustalo se", "odustalo se", "dropped"),
"task_OPEN": ("otvoren", "otvoren", "open"),
"task_DONE": ("urađen", "urađen", "done"),
"task_CANCELLED": ("otkazan", "otkazan", "cancelled"),
"due": ("rok", "rok", "due"),
"documents": ("Dokumenti", "Dokumenti", "Documents"),
"confidential": ("poverljivo", "povjerljivo", "confidential"),
"back_to_case": ("Nazad na predmet", "Nazad na predmet", "Back to the case"),
"access_log_title": ("Evidencija pristupa", "Evidencija pristupa", "Access log"),
"access_log_text": ("Ko je i kada čitao ili menjao lične podatke ovog predmeta, i po kom osnovu. I ovaj uvid se beleži.", "Ko je i kada čitao ili mijenjao lične podatke ovog predmeta, i po kojem osnovu. I ovaj uvid se bilježi.", "Who read or changed this case's personal data, when, and on what basis. This view is recorded too."),
"access_log_caption": ("Pristupi, od najstarijeg", "Pristupi, od najstarijeg", "Accesses, oldest first"),
"when": ("Kada", "Kada", "When"),
"who": ("Ko", "Ko", "Who"),
"access_action": ("Radnja", "Radnja", "Action"),
"access_basis": ("Osnov", "Osnov", "Basis"),
"access_CREATE": ("unos", "unos", "created"),
"access_READ": ("čitanje", "čitanje", "read"),
"access_UPDATE": ("izmena", "izmjena", "changed"),
"access_EXPORT": ("izvoz", "izvoz", "exported"),
"access_ERASE": ("brisanje", "brisanje", "erased"),
"basis_OWNER": ("nadležna ustanova", "nadležna ustanova", "owner agency"),
"basis_COLLABORATION": ("uputnica (saradnja)", "uputnica (saradnja)", "referral (collaboration)"),
"basis_COORDINATION": ("koordinacija radne grupe", "koordinacija radne grupe", "working group coordination"),
"basis_RECORD_LINKING": ("povezivanje evidencija", "povezivanje evidencija", "record linking"),
"matches_title": ("Moguća ista osoba u drugim ustanovama", "Moguća ista osoba u drugim ustanovama", "Possible matches in other agencies"),
"matches_text": ("Upoređuje osobu sa predmetima ustanova sa kojima postoji aktivna uputnica. Prikazuje se samo koja ustanova ima zapis, koliko je poklapanje jako i zašto. Pretraga se beleži.", "Upoređuje osobu s predmetima ustanova s kojima postoji aktivna uputnica. Prikazuje se samo koja ustanova ima zapis, koliko je podudaranje jako i zašto. Pretraga se bilježi.", "Compares the person with the cases of agencies you have an active referral with. Only which agency holds the record, how strong the match is and why are shown. The search is recorded."),
"matches_find": ("Potraži", "Potraži", "Search"),
"matches_found": ("Predlozi", "Prijedlozi", "Suggestions"),
"match_purpose": ("Svrha pretrage svih ustanova (samo supervizor)", "Svrha pretrage svih ustanova (samo supervizor)", "Purpose of searching every agency (supervisors only)"),
"match_purpose_help": ("Ostavite prazno za pretragu samo ustanova sa aktivnom uputnicom. Svrha se upisuje u evidenciju pristupa.", "Ostavite prazno za pretragu samo ustanova s aktivnom uputnicom. Svrha se upisuje u evidenciju pristupa.", "Leave empty to search only agencies with an active referral. The purpose goes into the access logs."),
"match_score": ("poklapanje", "podudaranje", "match"),
"match_confirm": ("Ista osoba", "Ista osoba", "Same person"),
"match_reject": ("Druga osoba", "Druga osoba", "Different person"),
"match_decided": ("Odluka je sačuvana.", "Odluka je sačuvana.", "The decision was saved."),
"reason_SAME_IDENTIFIER": ("isti identifikator", "isti identifikator", "same identifier"),
"reason_NAME_SIMILAR": ("slično ime", "slično ime", "similar name"),
"reason_SAME_DATE_OF_BIRTH": ("isti datum rođenja", "isti datum rođenja", "same date of birth"),
"reason_BIRTH_YEAR_WITHIN": ("bliska godina rođenja", "bliska godina rođenja", "close birth year"),
"reason_SAME_SEX": ("isti pol", "isti spol", "same sex"),
"settings_title": ("Podešavanja obaveštenja", "Postavke obavještenja", "Notification settings"),
"settings_saved": ("Podešavanja su sačuvana.", "Postavke su sačuvane.", "Your settings were saved."),
"settings_email": ("Adresa e-pošte", "Adresa e-pošte", "E-mail address"),
"settings_email_help": ("Ostavite prazno ako ne želite e-poštu.", "Ostavite prazno ako ne želite e-poštu.", "Leave empty for no e-mail."),
"settings_language": ("Jezik e-pošte", "Jezik e-pošte", "Language of e-mails"),
"settings_by_email": ("Šta stiže i e-poštom", "Šta stiže i e-poštom", "What also comes by e-mail"),
"settings_inbox_always": ("Sva obaveštenja uvek stižu u sandučić.", "Sva obavještenja uvijek stižu u sandučić.", "Every notice always reaches your inbox."),
"settings_always": ("Prekoračeni rokovi, eskalacije i povučene saglasnosti, kao i sve o hitnim uputnicama, uvek stižu i e-poštom.", "Prekoračeni rokovi, eskalacije i povučene saglasnosti, kao i sve o hitnim uputnicama, uvijek stižu i e-poštom.", "Overdue deadlines, escalations and withdrawn consents, and everything about emergency referrals, always come by e-mail too."),
"settings_email_unverified": ("Adresa još nije potvrđena: na nju smo poslali kod. Dok je ne potvrdite, na nju ne šaljemo ništa drugo.", "Adresa još nije potvrđena: na nju smo poslali kod. Dok je ne potvrdite, na nju ne šaljemo ništa drugo.", "This address is not confirmed yet: we sent a code to it. Until you confirm it, nothing else is sent there."),
"settings_email_code": ("Kod iz poruke", "Kod iz poruke", "Code from the e-mail"),
"settings_confirm": ("Potvrdi adresu", "Potvrdi adresu", "Confirm the address"),
"settings_email_confirmed": ("Adresa je potvrđena.", "Adresa je potvrđena.", "The address is confirmed."),
"settings_code_invalid": ("Kod nije ispravan ili je istekao. Sačuvajte adresu ponovo da biste dobili novi.", "Kod nije ispravan ili je istekao. Sačuvajte adresu ponovo da biste dobili novi.", "The code is wrong or has expired. Save the address again to get a new one."),
"settings_digest": ("Dnevni pregled radne grupe e-poštom", "Dnevni pregled radne grupe e-poštom", "Daily digest of my working groups by e-mail"),
"save": ("Sačuvaj", "Sačuvaj", "Save"),
"annual_title": ("Godišnji pregled", "Godišnji pregled", "Annual summary"),
"annual_totals": ("Ukupno", "Ukupno", "Totals"),
"year": ("Godina", "Godina", "Year"),
"print": ("Štampaj", "Štampaj", "Print"),
"referrals_sent": ("Poslatih uputnica", "Poslanih uputnica", "Referrals sent"),
"late_now": ("Rokova trenutno prekoračeno", "Rokova trenutno prekoračeno", "Deadlines late now"),
"printed_on": ("Odštampano", "Odštampano", "Printed on"),
}

LAT = [("Dž","Џ"),("DŽ","Џ"),("dž","џ"),("Lj","Љ"),("LJ","Љ"),("lj","љ"),("Nj","Њ"),("NJ","Њ"),("nj","њ")]
SINGLE = dict(zip("ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠabvgdđežzijklmnoprstćufhcčš",
                  "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШабвгдђежзијклмнопрстћуфхцчш"))
KEEP = re.compile(r"(\{[a-z]+\}|PDF|CSV|Uputnica)")

def cyr(text):
    out = []
    for i, part in enumerate(KEEP.split(text)):
        if KEEP.fullmatch(part or "-"):
            out.append("Упутница" if part == "Uputnica" else part)
            continue
        for a, b in LAT:
            part = part.replace(a, b)
        out.append("".join(SINGLE.get(c, c) for c in part))
    return "".join(out)

def write(tag, idx, name="msg", table=M):
    with open(f"console/src/main/resources/messages/{name}_{tag}.properties", "w", encoding="utf-8") as f:
        f.write(f"# Console messages, {tag}. Generated by console/tools/messages.py: edit the table there.\n")
        for k, v in table.items():
            text = cyr(v[0]) if idx == "cyr" else v[idx]
            f.write(f"{k}={text}\n")

write("sr-Latn", 0)
write("sr-Cyrl", "cyr")
write("bs", 1)
write("en", 2)
write("sr-Latn", 0, "pg", M2)
write("sr-Cyrl", "cyr", "pg", M2)
write("bs", 1, "pg", M2)
write("en", 2, "pg", M2)

with open("console/src/main/java/org/uputnica/console/web/Msg.java", "w", encoding="utf-8") as f:
    f.write("""package org.uputnica.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console, one method per key. The texts are in messages/msg_LANG.properties, one file per
 * language (sr-Latn is the default); console/tools/messages.py writes them and this interface from one table.
 * MessagesTest fails when a key is missing in any language.
 */
@MessageBundle(value = "msg", locale = "sr-Latn")
public interface Msg {
""")
    for k in M:
        f.write(f"\n    @Message\n    String {k}({PARAMS.get(k, '')});\n")
    f.write("}\n")
with open("console/src/main/java/org/uputnica/console/web/Pg.java", "w", encoding="utf-8") as f:
    f.write("""package org.uputnica.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the later pages (filters, case plan and documents, matches, access log, settings, annual summary), as
 * {pg:key} in templates: a second bundle, since Quarkus generates a wrong resolver for one of more than about 300
 * messages. Written by console/tools/messages.py with {@link Msg}; MessagesTest checks both.
 */
@MessageBundle(value = "pg", locale = "sr-Latn")
public interface Pg {
""")
    for k in M2:
        f.write(f"\n    @Message\n    String {k}();\n")
    f.write("}\n")
print(len(M), "+", len(M2), "keys")
