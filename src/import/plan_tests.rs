use super::*;
use crate::import::{Encoding, FileKind, Parsed};
use crate::model::{Score, Stamp};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> Stamp {
    Stamp::from_millis(1_764_000_000_000)
}

fn person(line: usize, name: &str, company: &str, slug: &str) -> Incoming {
    Incoming {
        line,
        name: name.into(),
        company: company.into(),
        role: "Engineer".into(),
        profile_url: if slug.is_empty() {
            String::new()
        } else {
            format!("https://www.linkedin.com/in/{slug}")
        },
        connected_on: Some(day(2020, 3, 1)),
        ..Incoming::default()
    }
}

fn file(name: &str, kind: FileKind, people: Vec<Incoming>) -> Parsed {
    Parsed {
        people,
        ..Parsed::new(name, kind, Encoding::Utf8)
    }
}

fn options() -> Options {
    Options {
        tag: "LinkedIn 2026-12".into(),
        keep_message_text: false,
    }
}

fn connections() -> Parsed {
    file(
        "Connections.csv",
        FileKind::LinkedInConnections,
        vec![
            person(5, "Ana Souza", "Maersk", "ana-souza"),
            person(6, "Bram de Vries", "Litware", "bram-de-vries"),
            person(7, "Chloé Martin", "Contoso", "chloe-martin"),
        ],
    )
}

/// Imports `files` into `data` with every row as the preview proposes it.
fn import(data: &mut Data, files: &[Parsed]) -> Batch {
    let preview = Preview::build(data, files);
    let batch = preview.batch(data, &Choices::default(), &options(), day(2026, 12, 1), now());
    batch.apply(data);
    batch
}

#[test]
fn a_first_import_adds_everyone_with_their_details_and_the_batch_tag() {
    let mut data = Data::default();
    let preview = Preview::build(&data, &[connections()]);
    assert_eq!(preview.summary.new, 3);
    assert_eq!(preview.summary.headline(), "3 new contacts");
    import(&mut data, &[connections()]);
    let ana = data.contacts.values().find(|c| c.name == "Ana Souza").unwrap();
    assert_eq!(ana.company, "Maersk");
    assert_eq!(ana.role, "Engineer");
    assert_eq!(ana.profile_url, "https://www.linkedin.com/in/ana-souza");
    assert_eq!(ana.connected_on, Some(day(2020, 3, 1)));
    assert_eq!(ana.tags, vec!["LinkedIn 2026-12"]);
    assert!(matches!(&ana.source, Source::Imported { file, batch: Some(_) } if file == "Connections.csv"));
}

#[test]
fn a_department_and_a_birthday_are_kept_in_a_new_contacts_notes() {
    let mut data = Data::default();
    let mut thomas = person(2, "Thomas Wright", "Fictional Ltd", "");
    thomas.department = "R&D".into();
    thomas.birthday = "1980-02-29".into();
    thomas.notes = "Met at the Lisbon offsite".into();
    import(&mut data, &[file("contacts.csv", FileKind::ContactsCsv, vec![thomas])]);
    let c = data.contacts.values().next().unwrap();
    assert_eq!(c.company, "Fictional Ltd", "the company stays the company alone");
    assert_eq!(
        c.notes,
        "Met at the Lisbon offsite\nDepartment: R&D\nBirthday: 1980-02-29"
    );
}

#[test]
fn importing_the_same_file_again_adds_no_one_and_changes_nothing() {
    let mut data = Data::default();
    import(&mut data, &[connections()]);
    let before = data.clone();
    let preview = Preview::build(&data, &[connections()]);
    assert_eq!(preview.summary.new, 0);
    assert_eq!(preview.summary.already_there, 3);
    let batch = preview.batch(&data, &Choices::default(), &options(), day(2026, 12, 2), now());
    assert!(batch.is_empty());
    batch.apply(&mut data);
    assert_eq!(data, before);
}

#[test]
fn a_newer_export_updates_the_job_and_never_blanks_or_touches_what_the_user_wrote() {
    let mut data = Data::default();
    import(&mut data, &[connections()]);
    let id = data.contacts.values().find(|c| c.name == "Ana Souza").unwrap().id;
    {
        let ana = data.contacts.get_mut(&id).unwrap();
        ana.notes = "Met at the WMS go-live".into();
        ana.trust = Score::new(4);
        ana.email = "ana@example.org".into();
        ana.cadence_days = Some(30);
    }
    let mut moved = person(5, "Ana Souza", "Fabrikam", "ana-souza");
    moved.role = "Head of Operations".into();
    moved.company = "Fabrikam".into();
    // An empty cell in the newer file is not a reason to blank the e-mail the user typed.
    moved.emails = Vec::new();
    let newer = file("Connections.csv", FileKind::LinkedInConnections, vec![moved]);
    let preview = Preview::build(&data, std::slice::from_ref(&newer));
    match &preview.rows[0].verdict {
        Verdict::Update { id: found, changes } => {
            assert_eq!(*found, id);
            let fields: Vec<&str> = changes.iter().map(|c| c.field).collect();
            assert_eq!(fields, vec!["Company", "Role"]);
            assert_eq!(changes[0].from, "Maersk");
            assert_eq!(changes[0].to, "Fabrikam");
        }
        other => panic!("expected an update, got {other:?}"),
    }
    import(&mut data, &[newer]);
    let ana = &data.contacts[&id];
    assert_eq!(ana.company, "Fabrikam");
    assert_eq!(ana.role, "Head of Operations");
    assert_eq!(ana.notes, "Met at the WMS go-live");
    assert_eq!(ana.trust, Score::new(4));
    assert_eq!(ana.email, "ana@example.org");
    assert_eq!(ana.cadence_days, Some(30));
    assert_eq!(
        ana.moved,
        Some(JobMove {
            from: "Maersk".into(),
            to: "Fabrikam".into(),
            seen: day(2026, 12, 1)
        })
    );
    assert_eq!(data.contacts.len(), 3);
}

#[test]
fn the_same_email_in_another_case_or_the_same_phone_digits_is_the_same_person() {
    let mut data = Data::default();
    let mut typed = Contact::new(Id::new_v4(), "Dana Lee", now());
    typed.email = "Dana.Lee@Example.org".into();
    data.contacts.insert(typed.id, typed.clone());
    let mut typed2 = Contact::new(Id::new_v4(), "Eli Park", now());
    typed2.phone = "+31 6 1234 5678".into();
    data.contacts.insert(typed2.id, typed2.clone());

    let mut dana = person(2, "Dana Lee", "Northwind", "");
    dana.emails = vec!["dana.lee@example.ORG".into()];
    let mut eli = person(3, "E. Park", "", "");
    eli.phones = vec!["0031 6-1234-5678".into()];
    let vcf = file("contacts.vcf", FileKind::VCard, vec![dana, eli]);
    let preview = Preview::build(&data, &[vcf]);
    assert!(matches!(preview.rows[0].verdict, Verdict::Update { id, .. } if id == typed.id));
    assert!(matches!(preview.rows[1].verdict, Verdict::Update { id, .. } if id == typed2.id));
    assert_eq!(preview.summary.new, 0);
}

#[test]
fn a_title_and_a_suffix_on_the_name_still_make_a_possible_duplicate() {
    let mut data = Data::default();
    let mut typed = Contact::new(Id::new_v4(), "Thomas Wright", now());
    typed.company = "Fictional Ltd".into();
    data.contacts.insert(typed.id, typed.clone());
    let outlook = file(
        "contacts.csv",
        FileKind::ContactsCsv,
        vec![person(2, "Dr. Thomas Wright Jr.", "Fictional Ltd", "")],
    );
    let preview = Preview::build(&data, &[outlook]);
    assert_eq!(preview.rows[0].verdict, Verdict::Possible { id: typed.id });
}

#[test]
fn the_same_name_at_the_same_company_is_only_possible_until_the_user_confirms() {
    let mut data = Data::default();
    let mut typed = Contact::new(Id::new_v4(), "Zoë Ólafsson", now());
    typed.company = "Contoso".into();
    data.contacts.insert(typed.id, typed.clone());
    let sheet = file(
        "google.csv",
        FileKind::ContactsCsv,
        vec![
            person(2, "zoe  olafsson", "CONTOSO", ""),
            person(3, "Zoë Ólafsson", "Litware", ""),
        ],
    );
    let preview = Preview::build(&data, &[sheet]);
    assert_eq!(preview.rows[0].verdict, Verdict::Possible { id: typed.id });
    assert_eq!(
        preview.rows[1].verdict,
        Verdict::New,
        "another company is another person"
    );
    assert_eq!(preview.summary.possible, 1);

    // Not confirmed: added as a new contact.
    let batch = preview.batch(&data, &Choices::default(), &options(), day(2026, 12, 1), now());
    assert_eq!(batch.undo.created, 2);
    // Confirmed: the existing contact is updated instead.
    let choices = Choices {
        same_person: HashSet::from([0]),
        ..Choices::default()
    };
    let batch = preview.batch(&data, &choices, &options(), day(2026, 12, 1), now());
    assert_eq!(batch.undo.created, 1);
    let updated = batch.contacts.iter().find(|c| c.id == typed.id).unwrap();
    assert_eq!(updated.role, "Engineer");
}

#[test]
fn two_rows_that_lead_to_one_contact_both_land_on_it() {
    let mut data = Data::default();
    let mut typed = Contact::new(Id::new_v4(), "Ana Souza", now());
    typed.profile_url = "https://www.linkedin.com/in/ana-souza".into();
    typed.email = "ana@example.org".into();
    data.contacts.insert(typed.id, typed.clone());
    // One row found by the profile, another (no profile, another phone) by the e-mail.
    let mut by_profile = person(2, "Ana Souza", "Maersk", "ana-souza");
    by_profile.role = "Planner".into();
    let mut by_email = person(3, "Ana S.", "", "");
    by_email.role = String::new();
    by_email.emails = vec!["ANA@example.org".into()];
    by_email.phones = vec!["+45 1234 5678".into()];
    let files = [
        file("Connections.csv", FileKind::LinkedInConnections, vec![by_profile]),
        file("phone.vcf", FileKind::VCard, vec![by_email]),
    ];
    let preview = Preview::build(&data, &files);
    assert_eq!(preview.rows.len(), 2);
    let batch = preview.batch(&data, &Choices::default(), &options(), day(2026, 12, 1), now());
    assert_eq!(batch.contacts.len(), 1);
    let ana = &batch.contacts[0];
    assert_eq!((ana.company.as_str(), ana.role.as_str()), ("Maersk", "Planner"));
    assert_eq!(ana.phone, "+45 1234 5678");
    assert_eq!(batch.undo.before, vec![typed]);
}

#[test]
fn rows_the_user_unticks_are_left_out() {
    let data = Data::default();
    let preview = Preview::build(&data, &[connections()]);
    let choices = Choices {
        excluded: HashSet::from([1]),
        ..Choices::default()
    };
    let batch = preview.batch(&data, &choices, &options(), day(2026, 12, 1), now());
    let names: Vec<&str> = batch.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Ana Souza", "Chloé Martin"]);
}

#[test]
fn the_same_person_in_two_files_of_one_import_is_one_row_with_both_details() {
    let data = Data::default();
    let mut card = person(1, "Ana Souza", "", "ana-souza");
    card.emails = vec!["ana@example.org".into()];
    card.phones = vec!["+45 1234 5678".into()];
    let vcf = file("ana.vcf", FileKind::VCard, vec![card]);
    let preview = Preview::build(&data, &[connections(), vcf]);
    assert_eq!(preview.rows.len(), 3);
    let batch = preview.batch(&data, &Choices::default(), &options(), day(2026, 12, 1), now());
    let ana = batch.contacts.iter().find(|c| c.name == "Ana Souza").unwrap();
    assert_eq!(
        (ana.company.as_str(), ana.email.as_str()),
        ("Maersk", "ana@example.org")
    );
    assert_eq!(ana.phone, "+45 1234 5678");
}

fn messages(last: NaiveDate, count: u32) -> Parsed {
    let mut f = file("messages.csv", FileKind::LinkedInMessages, Vec::new());
    f.exchanges = vec![
        Exchange {
            slug: "ana-souza".into(),
            name: "Ana Souza".into(),
            messages: count,
            last,
            last_from_me: true,
            last_text: "See you at the meetup!".into(),
        },
        Exchange {
            slug: "someone-else".into(),
            name: "Sam Stranger".into(),
            messages: 1,
            last,
            last_from_me: false,
            last_text: String::new(),
        },
    ];
    f
}

#[test]
fn the_latest_exchange_becomes_one_touchpoint_and_a_newer_one_updates_it() {
    let mut data = Data::default();
    let preview = Preview::build(&data, &[connections(), messages(day(2026, 10, 3), 14)]);
    assert_eq!(preview.summary.with_messages, 1);
    assert_eq!(preview.summary.headline(), "3 new contacts, 1 with a recent message");
    assert_eq!(preview.skipped.len(), 1, "{:?}", preview.skipped);
    assert!(preview.skipped[0].reason.contains("Sam Stranger"));
    import(&mut data, &[connections(), messages(day(2026, 10, 3), 14)]);
    assert_eq!(data.touchpoints.len(), 1);
    let t = data.touchpoints.values().next().unwrap();
    assert_eq!(data.contacts[&t.contact].name, "Ana Souza");
    assert_eq!(t.date, day(2026, 10, 3));
    assert_eq!(t.note, "14 LinkedIn messages; the last one from you.");
    assert!(!t.note.contains("meetup"), "message text is kept only when asked");

    // The same file again: nothing new.
    let again = import(&mut data, &[messages(day(2026, 10, 3), 14)]);
    assert!(again.is_empty());
    // A newer export: the same touchpoint moves forward; no second one.
    import(&mut data, &[messages(day(2026, 11, 20), 15)]);
    assert_eq!(data.touchpoints.len(), 1);
    assert_eq!(data.touchpoints.values().next().unwrap().date, day(2026, 11, 20));
}

#[test]
fn message_text_is_kept_when_the_user_asks() {
    let data = Data::default();
    let preview = Preview::build(&data, &[connections(), messages(day(2026, 10, 3), 2)]);
    let keep = Options {
        keep_message_text: true,
        ..options()
    };
    let batch = preview.batch(&data, &Choices::default(), &keep, day(2026, 12, 1), now());
    assert!(batch.touchpoints[0].note.ends_with("See you at the meetup!"));
}

#[test]
fn recommendations_and_endorsements_land_on_the_contact() {
    let mut data = Data::default();
    let mut f = file(
        "Recommendations_Received.csv",
        FileKind::LinkedInRecommendations,
        Vec::new(),
    );
    f.recommendations = vec![Recommendation {
        line: 2,
        name: "Bram de Vries".into(),
        company: "Litware".into(),
        role: "CTO".into(),
        text: "Sam rebuilt our billing pipeline in a quarter.".into(),
        date: Some(day(2024, 2, 1)),
    }];
    f.endorsements = vec![Endorsement {
        slug: "chloe-martin".into(),
        name: "Chloé Martin".into(),
        skills: vec!["SQL".into(), "Forecasting".into()],
        last: Some(day(2024, 2, 1)),
    }];
    let preview = Preview::build(&data, &[connections(), f.clone()]);
    assert_eq!(preview.summary.recommenders, 1);
    assert_eq!(preview.summary.endorsers, 1);
    assert_eq!(
        preview.summary.headline(),
        "3 new contacts, 1 who recommended you, 1 who endorsed your skills"
    );
    import(&mut data, &[connections(), f]);
    let bram = data.contacts.values().find(|c| c.name == "Bram de Vries").unwrap();
    assert_eq!(bram.recommendation, "Sam rebuilt our billing pipeline in a quarter.");
    let chloe = data.contacts.values().find(|c| c.name == "Chloé Martin").unwrap();
    assert_eq!(chloe.endorsed, vec!["SQL", "Forecasting"]);
}

#[test]
fn an_invitation_with_a_message_is_a_touchpoint_once() {
    let mut data = Data::default();
    import(&mut data, &[connections()]);
    let mut f = file("Invitations.csv", FileKind::LinkedInInvitations, Vec::new());
    f.invitations = vec![
        Invitation {
            line: 2,
            slug: String::new(),
            name: "Chloé Martin".into(),
            date: Some(day(2026, 1, 29)),
            message: "Great talk at the logistics meetup!".into(),
            outgoing: true,
        },
        Invitation {
            line: 3,
            slug: "bram-de-vries".into(),
            name: "Bram de Vries".into(),
            date: Some(day(2026, 1, 30)),
            message: String::new(),
            outgoing: false,
        },
    ];
    import(&mut data, std::slice::from_ref(&f));
    assert_eq!(data.touchpoints.len(), 1, "only the invitation with a message");
    let t = data.touchpoints.values().next().unwrap();
    assert_eq!(data.contacts[&t.contact].name, "Chloé Martin");
    assert!(t.note.contains("Great talk"));
    import(&mut data, &[f]);
    assert_eq!(data.touchpoints.len(), 1);
}

#[test]
fn undoing_an_import_removes_what_it_added_and_puts_back_what_it_changed() {
    let mut data = Data::default();
    let mut typed = Contact::new(Id::new_v4(), "Ana Souza", now());
    typed.profile_url = "https://www.linkedin.com/in/ana-souza".into();
    typed.company = "Maersk".into();
    typed.role = "Planner".into();
    data.contacts.insert(typed.id, typed.clone());
    let before = data.clone();

    let batch = import(&mut data, &[connections(), messages(day(2026, 10, 3), 3)]);
    assert_eq!(data.contacts.len(), 3);
    assert_eq!(data.contacts[&typed.id].role, "Engineer");
    assert_eq!(batch.undo.created, 2);

    let undo = batch.undo.undo(&data);
    let touched = undo.apply(&mut data);
    assert_eq!(data, before);
    assert_eq!(touched.contacts.len(), 3);
    assert_eq!(touched.touchpoints.len(), 1);
}

#[test]
fn undo_keeps_the_undo_record_small_and_round_trips_as_json() {
    let mut data = Data::default();
    let batch = import(&mut data, &[connections()]);
    assert!(
        batch.undo.before.is_empty(),
        "created contacts are found by their batch"
    );
    let json = serde_json::to_string(&batch.undo).unwrap();
    let back: ImportUndo = serde_json::from_str(&json).unwrap();
    assert_eq!(back, batch.undo);
}

#[test]
fn hostile_text_is_kept_as_text_and_only_web_links_become_profiles() {
    let data = Data::default();
    let mut p = person(2, "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")", "");
    p.profile_url = "javascript:alert(1)".into();
    p.notes = "<script>alert(1)</script>".into();
    let preview = Preview::build(&data, &[file("x.csv", FileKind::ContactsCsv, vec![p])]);
    let batch = preview.batch(&data, &Choices::default(), &options(), day(2026, 12, 1), now());
    let c = &batch.contacts[0];
    assert_eq!(c.name, "<img src=x onerror=alert(1)>");
    assert_eq!(c.company, "=HYPERLINK(\"http://x\")");
    assert_eq!(c.profile_url, "");
    assert_eq!(c.notes, "<script>alert(1)</script>");
}

#[test]
fn over_long_fields_are_cut_to_what_a_contact_holds() {
    let data = Data::default();
    let p = person(2, &"N".repeat(5_000), &"é".repeat(300), "");
    let preview = Preview::build(&data, &[file("x.csv", FileKind::ContactsCsv, vec![p])]);
    let batch = preview.batch(&data, &Choices::default(), &options(), day(2026, 12, 1), now());
    assert_eq!(batch.contacts[0].name.chars().count(), MAX_LINE_CHARS);
    assert_eq!(batch.contacts[0].company.chars().count(), MAX_LINE_CHARS);
}

#[test]
fn the_done_screen_says_what_the_import_did() {
    let mut data = Data::default();
    let first = import(&mut data, &[connections(), messages(day(2026, 10, 3), 2)]);
    assert_eq!(
        first.headline(),
        "Imported 3 new contacts and 1 touchpoint from your history."
    );
    let again = import(&mut data, &[connections()]);
    assert_eq!(
        again.headline(),
        "Nothing to change: everyone in the files is already in your network as they are."
    );
    let mut moved = person(5, "Ana Souza", "Fabrikam", "ana-souza");
    moved.role = "Engineer".into();
    let newer = file(
        "Connections.csv",
        FileKind::LinkedInConnections,
        vec![moved, person(9, "Dev Patel", "", "dev")],
    );
    assert_eq!(
        import(&mut data, &[newer]).headline(),
        "Imported 1 new contact and 1 updated."
    );
}

#[test]
fn the_default_tag_names_the_source_and_month() {
    assert_eq!(
        default_tag(&[FileKind::LinkedInConnections], day(2026, 12, 1)),
        "LinkedIn 2026-12"
    );
    assert_eq!(default_tag(&[FileKind::VCard], day(2026, 1, 5)), "vCard 2026-01");
    assert_eq!(thousands(1843), "1,843");
    assert_eq!(thousands(30000), "30,000");
    assert_eq!(thousands(7), "7");
}

#[test]
fn thirty_thousand_rows_match_against_thirty_thousand_stored_in_linear_time() {
    let mut data = Data::default();
    let people: Vec<Incoming> = (0..30_000)
        .map(|n| {
            person(
                n + 2,
                &format!("Person {n}"),
                &format!("Company {}", n % 900),
                &format!("p-{n}"),
            )
        })
        .collect();
    let f = file("Connections.csv", FileKind::LinkedInConnections, people);
    import(&mut data, std::slice::from_ref(&f));
    assert_eq!(data.contacts.len(), 30_000);
    let preview = Preview::build(&data, &[f]);
    assert_eq!(preview.summary.already_there, 30_000);
}
