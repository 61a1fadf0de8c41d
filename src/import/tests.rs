//! The importers against fixtures in the shapes real exports have (tests/fixtures/import/, all
//! people fictional), and against the broken files users bring.

use super::*;
use chrono::NaiveDate;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/", $name))
    };
}

fn one(name: &str, bytes: &[u8]) -> Parsed {
    match read(name, bytes) {
        Ok(mut all) if all.len() == 1 => all.remove(0),
        other => panic!("{name}: expected one file, got {other:?}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn names(people: &[Incoming]) -> Vec<&str> {
    people.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn current_connections_skip_the_preamble_and_hidden_profiles() {
    let p = one("Connections.csv", fixture!("Connections.csv"));
    assert_eq!(p.kind, FileKind::LinkedInConnections);
    assert_eq!(names(&p.people), ["Ana Souza", "Bram de Vries", "Zoë Ólafsson"]);
    let ana = &p.people[0];
    assert_eq!(ana.line, 5);
    assert_eq!(ana.profile_url, "https://www.linkedin.com/in/ana-souza-fict1");
    assert_eq!(ana.company, "Maersk Fictional");
    assert_eq!(ana.role, "Product Manager");
    assert_eq!(ana.connected_on, day(2018, 11, 9));
    assert!(ana.emails.is_empty());
    assert_eq!(p.people[1].company, "Acme, Inc.");
    assert_eq!(p.people[1].emails, ["bram@example.org"]);
    // A position spread over two lines is one line in the app.
    assert_eq!(p.people[2].role, "Head of Design");
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 7);
    assert!(p.skipped[0].reason.contains("hidden"), "{:?}", p.skipped);
}

#[test]
fn old_connections_without_url_drop_member_urns_as_emails() {
    let p = one("Connections.csv", fixture!("Connections_2017.csv"));
    assert_eq!(p.kind, FileKind::LinkedInConnections);
    assert_eq!(names(&p.people), ["Carla Mendes", "Dev Patel"]);
    assert!(p.people[0].emails.is_empty());
    assert_eq!(p.people[0].profile_url, "");
    assert_eq!(p.people[1].emails, ["dev.patel@example.com"]);
    assert_eq!(p.people[1].connected_on, day(2017, 8, 3));
}

#[test]
fn an_excel_resave_with_bom_and_excel_dates_still_reads() {
    let p = one("Connections.csv", fixture!("Connections_excel.csv"));
    assert_eq!(p.kind, FileKind::LinkedInConnections);
    assert_eq!(names(&p.people), ["Emi Tanaka", "Finn Berg"]);
    assert_eq!(p.people[0].connected_on, day(2021, 4, 4));
    assert_eq!(p.people[1].connected_on, day(2018, 1, 8));
}

#[test]
fn messages_sum_up_per_person_without_drafts_and_find_the_user() {
    let p = one("messages.csv", fixture!("messages.csv"));
    assert_eq!(p.kind, FileKind::LinkedInMessages);
    let slugs: Vec<&str> = p.exchanges.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["ana-souza-fict1", "bram-de-vries-fict2"]);
    let ana = &p.exchanges[0];
    assert_eq!(ana.name, "Ana Souza");
    // Her message, the user's reply and the group message; the draft is no message.
    assert_eq!(ana.messages, 3);
    assert_eq!(ana.last, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default());
    assert!(ana.last_from_me);
    assert_eq!(ana.last_text, "Thanks Ana! See you soon.");
    let bram = &p.exchanges[1];
    assert_eq!(bram.messages, 2);
    assert!(bram.last_from_me);
    assert_eq!(bram.last_text, "Hello both");
}

#[test]
fn older_messages_without_recipient_links_match_recipients_by_name() {
    let p = one("messages.csv", fixture!("messages_2019.csv"));
    let carla = p
        .exchanges
        .iter()
        .find(|e| e.slug == "carla-mendes-fict5")
        .expect("Carla");
    assert_eq!(carla.messages, 2);
    assert!(carla.last_from_me);
    assert_eq!(carla.last_text, "Hi Carla");
    assert!(p.exchanges.iter().all(|e| e.slug != "yara-user-me"));
}

#[test]
fn message_html_is_stripped_to_text() {
    assert_eq!(
        linkedin::strip_html("<p>Hi Yara,</p><p>great &amp; <b>bold</b></p>"),
        "Hi Yara, great & bold"
    );
    assert_eq!(linkedin::strip_html("a < b"), "a");
}

#[test]
fn recommendations_the_user_gave_are_refused_by_name_with_the_file_to_pick() {
    // Same columns as the received ones: read as received, they would make backers of strangers.
    let err = read("Recommendations_Given.csv", fixture!("Recommendations_Received.csv")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("Recommendations_Given.csv is not a contacts file"),
        "{message}"
    );
    assert!(message.contains("Recommendations_Received.csv"), "{message}");
    assert!(read(
        "Downloads/Recommendations Given (1).csv",
        fixture!("Recommendations_Received.csv")
    )
    .is_err());
    assert!(read("Recommendations_Received.csv", fixture!("Recommendations_Received.csv")).is_ok());
}

#[test]
fn recommendations_keep_hidden_ones_and_say_so() {
    let p = one("Recommendations_Received.csv", fixture!("Recommendations_Received.csv"));
    assert_eq!(p.kind, FileKind::LinkedInRecommendations);
    assert_eq!(p.recommendations.len(), 2);
    let ana = &p.recommendations[0];
    assert_eq!(
        (ana.name.as_str(), ana.company.as_str(), ana.role.as_str()),
        ("Ana Souza", "Maersk Fictional", "Product Manager")
    );
    assert_eq!(ana.text, "Yara is a thoughtful engineer.\nShe ships.");
    assert_eq!(ana.date, day(2019, 11, 8));
    assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
    assert!(p.notes[0].starts_with("1 of these"));
}

#[test]
fn endorsements_sum_up_skills_per_endorser() {
    let p = one(
        "Endorsement_Received_Info.csv",
        fixture!("Endorsement_Received_Info.csv"),
    );
    assert_eq!(p.kind, FileKind::LinkedInEndorsements);
    assert_eq!(p.endorsements.len(), 2);
    let ana = &p.endorsements[0];
    assert_eq!(ana.slug, "ana-souza-fict1");
    assert_eq!(ana.name, "Ana Souza");
    assert_eq!(ana.skills, ["Rust", "WebAssembly"]);
    assert_eq!(ana.last, day(2024, 3, 5));
}

#[test]
fn invitations_of_both_eras_read_direction_and_the_other_person() {
    let p = one("Invitations.csv", fixture!("Invitations.csv"));
    assert_eq!(p.kind, FileKind::LinkedInInvitations);
    let gil = &p.invitations[0];
    assert_eq!(
        (gil.name.as_str(), gil.slug.as_str(), gil.outgoing),
        ("Gil Ramos", "gil-ramos-fict7", true)
    );
    assert_eq!(gil.date, day(2026, 1, 29));
    assert_eq!(gil.message, "Hi Gil, we met at RustConf.");
    let hana = &p.invitations[1];
    assert_eq!(
        (hana.name.as_str(), hana.slug.as_str(), hana.outgoing),
        ("Hana Kim", "hana-kim-fict8", false)
    );
    let old = one("Invitations.csv", fixture!("Invitations_2022.csv"));
    assert_eq!(old.invitations.len(), 1);
    assert_eq!(
        (old.invitations[0].name.as_str(), old.invitations[0].slug.as_str()),
        ("Ivo Costa", "")
    );
}

#[test]
fn an_iphone_card_reads_every_grouped_email_and_url() {
    let p = one("contacts.vcf", fixture!("iphone.vcf"));
    assert_eq!(p.kind, FileKind::VCard);
    let maja = &p.people[0];
    assert_eq!(maja.name, "Maja Lindqvist");
    assert_eq!(maja.line, 1);
    assert_eq!(
        (maja.company.as_str(), maja.role.as_str()),
        ("Fictional Studio", "Research Lead")
    );
    assert_eq!(maja.department, "Research", "ORG's second part");
    assert_eq!(maja.emails, ["maja@studio.example", "maja.home@example.net"]);
    assert_eq!(maja.phones, ["+46 70 123 45 67"]);
    assert_eq!(maja.profile_url, "https://www.linkedin.com/in/maja-lindqvist-fict9");
    assert_eq!(maja.location, "Stockholm, Sweden");
    assert_eq!(maja.notes, "Met at Nordic.js, 2024.\nLoves climbing.");
    assert_eq!(maja.birthday, "1990-04-12");
    assert_eq!(maja.labels, ["Friends", "Design"]);
}

#[test]
fn an_outlook_21_card_decodes_quoted_printable_in_its_charset() {
    let p = one("outlook.vcf", fixture!("outlook21.vcf"));
    let j = &p.people[0];
    assert_eq!(j.name, "Jürgen Müller");
    assert_eq!(j.company, "Fictional GmbH");
    assert_eq!(j.phones, ["+49 170 7654321", "+49 30 1234567"]);
    assert_eq!(j.emails, ["juergen@fictional.example"]);
    assert_eq!(
        j.notes,
        "Kennt sich mit Größe aus, sehr lange Notiz die umbrochen wird\nzweite Zeile"
    );
    assert_eq!(j.location, "München, Deutschland");
}

#[test]
fn a_google_card_unfolds_drops_my_contacts_and_never_takes_a_script_link() {
    let p = one("contacts.vcf", fixture!("google.vcf"));
    assert_eq!(names(&p.people), ["Noor Haddad", "Dr. Chidi Okafor PhD"]);
    let noor = &p.people[0];
    assert_eq!(noor.profile_url, "");
    assert_eq!(noor.labels, ["Work"]);
    assert_eq!(
        noor.notes,
        "First line\nsecond line with a long text that is folded by Google at seventy-five characters"
    );
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(
        (p.skipped[0].line, p.skipped[0].reason.as_str()),
        (14, "a card without a name")
    );
}

#[test]
fn a_40_card_prefers_pref_1_and_reads_tel_uris() {
    let p = one("contacts.vcf", fixture!("v4.vcf"));
    let rosa = &p.people[0];
    assert_eq!(rosa.phones, ["+34-600-000-002", "+34-600-000-001"]);
    assert_eq!(rosa.emails, ["rosa.pref@fictional.example", "rosa@fictional.example"]);
    assert_eq!(rosa.profile_url, "https://rosa.example.org");
}

#[test]
fn a_current_google_csv_maps_its_columns_and_splits_multi_values() {
    let p = one("contacts.csv", fixture!("google_contacts.csv"));
    assert_eq!(p.kind, FileKind::ContactsCsv);
    assert_eq!(names(&p.people), ["Lena Fischer"]);
    let lena = &p.people[0];
    assert_eq!(lena.emails, ["lena@fictional.example", "lena.f@example.net"]);
    assert_eq!(lena.phones, ["+49 151 000000"]);
    assert_eq!(
        (lena.company.as_str(), lena.role.as_str()),
        ("Fictional AG", "Engineer")
    );
    assert_eq!(lena.location, "Berlin, Germany");
    assert_eq!(lena.labels, ["Friends"]);
    assert_eq!(lena.notes, "Met at a meetup.\nLikes tea.");
    assert_eq!(lena.profile_url, "https://www.linkedin.com/in/lena-fischer-fict10");
    let table = p.table.as_ref().expect("a table");
    let column = |h: &str| table.headers.iter().position(|x| x == h).map(|i| table.mapping[i]);
    assert_eq!(column("First Name"), Some(Column::FirstName));
    assert_eq!(column("Phonetic First Name"), Some(Column::Ignore));
    assert_eq!(column("E-mail 1 - Label"), Some(Column::Ignore));
    assert_eq!(column("Organization Title"), Some(Column::Role));
    let reasons: Vec<(usize, &str)> = p.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
    assert_eq!(reasons, [(4, "an empty row"), (5, "a row without a name")]);
}

#[test]
fn an_older_google_csv_reads_given_and_family_names() {
    let p = one("contacts.csv", fixture!("google_contacts_old.csv"));
    let omar = &p.people[0];
    assert_eq!(omar.name, "Omar Haddad");
    assert_eq!(
        (omar.company.as_str(), omar.role.as_str()),
        ("Fictional LLC", "Consultant")
    );
    assert_eq!(omar.emails, ["omar@example.org"]);
    assert_eq!(omar.labels, ["Family"]);
    assert_eq!(omar.profile_url, "http://omar.example.org");
}

#[test]
fn outlooks_title_is_the_honorific_and_job_title_the_role() {
    let p = one("contacts.csv", fixture!("outlook.csv"));
    let t = &p.people[0];
    assert_eq!(t.name, "Dr. Thomas Wright Jr.");
    assert_eq!(t.role, "Chief Scientist");
    assert_eq!(t.company, "Fictional Ltd");
    assert_eq!(t.department, "R&D");
    assert_eq!(t.emails, ["thomas@fictional.example", "t.wright@example.net"]);
    assert_eq!(t.phones, ["+44 7700 900123", "+44 20 7946 0000"]);
    assert_eq!(t.location, "London, United Kingdom");
    assert_eq!(t.birthday, "");
    assert_eq!(t.labels, ["Business", "VIP"]);
}

#[test]
fn a_windows_1252_csv_reads_and_says_so() {
    let p = one("contacts.csv", fixture!("windows1252.csv"));
    assert_eq!(p.encoding, Encoding::Windows1252);
    assert_eq!(p.people[0].name, "René Müller");
    assert_eq!(p.people[0].company, "Café “Zur Ecke” – GmbH");
}

#[test]
fn a_utf16_tab_separated_sheet_reads() {
    let p = one("contacts.csv", fixture!("utf16le.csv"));
    assert_eq!(p.encoding, Encoding::Utf16);
    assert_eq!(p.people[0].name, "Sørina Åberg");
    assert_eq!(p.people[0].emails, ["sorina@fictional.example"]);
}

#[test]
fn a_user_mapping_builds_people_from_any_sheet() {
    let err = read("list.csv", b"Who,Where\nAna Souza,Lisbon\n");
    assert_eq!(
        err,
        Err(ImportError::NoNameColumn {
            file: "list.csv".into()
        })
    );
    let mut table = Table {
        headers: vec!["Who".into(), "Where".into()],
        mapping: vec![Column::Ignore, Column::Ignore],
        rows: vec![(2, vec!["Ana Souza".into(), "Lisbon".into()])],
    };
    table.mapping = vec![Column::Name, Column::Location];
    let (people, skipped) = people_from_table("list.csv", &table);
    assert!(skipped.is_empty());
    assert_eq!(
        (people[0].name.as_str(), people[0].location.as_str(), people[0].line),
        ("Ana Souza", "Lisbon", 2)
    );
}

#[test]
fn hostile_text_stays_plain_text() {
    let p = one("c.csv", "Name,Company,Website\n\"=HYPERLINK(\"\"x\"\")\",<script>alert(1)</script>,javascript:alert(1)\n\u{202E}evil,x,ftp://a.example\n".as_bytes());
    assert_eq!(names(&p.people), ["=HYPERLINK(\"x\")", "\u{202E}evil"]);
    assert_eq!(p.people[0].company, "<script>alert(1)</script>");
    assert!(p.people.iter().all(|person| person.profile_url.is_empty()));
}

#[test]
fn a_linkedin_zip_reads_each_export_file_and_lists_the_rest() {
    let all = read("export.zip", fixture!("Basic_LinkedInDataExport_01-01-2026.zip")).expect("reads");
    let kinds: Vec<(&str, FileKind)> = all.iter().map(|p| (p.file.as_str(), p.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("export.zip › Connections.csv", FileKind::LinkedInConnections),
            ("export.zip › messages.csv", FileKind::LinkedInMessages),
            ("export.zip › Invitations.csv", FileKind::LinkedInInvitations),
        ]
    );
    assert_eq!(all[0].people.len(), 3);
    assert_eq!(all[1].exchanges.len(), 2);
    let skipped: Vec<(&str, &str)> = all[0]
        .skipped
        .iter()
        .filter(|s| s.line == 0)
        .map(|s| (s.file.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("export.zip › Recommendations_Given.csv", "not needed for your network"),
            ("export.zip › Rich_Media.pdf", "not a CSV"),
            ("export.zip › Profile.csv", "not needed for your network"),
        ]
    );
}

#[test]
fn a_zip_built_here_with_stored_and_deflated_entries_reads() {
    let connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Souza,,,,,09 Nov 2018";
    let zip = tiny_zip(&[
        ("Connections.csv", connections.as_bytes(), true),
        (
            "Invitations.csv",
            b"From,To,Sent At,Message,Direction\nA B,Yara,\"1/1/25, 1:00 PM\",,INCOMING",
            false,
        ),
    ]);
    let all = read("x.zip", &zip).expect("reads");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].people[0].name, "Ana Souza");
}

#[test]
fn zip_entries_it_cannot_open_are_listed_with_the_reason() {
    let connections = b"First Name,Last Name,Connected On\nAna,Souza,09 Nov 2018";
    let mut zip = tiny_zip(&[
        ("Connections.csv", connections, false),
        ("Invitations.csv", b"From,To,Sent At,Message,Direction", false),
        ("Verbindungen_\u{fc}.csv", b"x", false),
    ]);
    // Mark the second entry bzip2 (method 12) and the third encrypted, in the central directory.
    let central: Vec<usize> = zip
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(i, _)| i)
        .collect();
    zip[central[1] + 10] = 12;
    zip[central[2] + 8] |= 1;
    let all = read("x.zip", &zip).expect("reads");
    assert_eq!(all.len(), 1);
    let reasons: Vec<(&str, &str)> = all[0]
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "x.zip › Invitations.csv",
                "it is compressed with method 12, which Vouch does not read (only stored and deflate)"
            ),
            ("x.zip › Verbindungen_\u{fc}.csv", "it is password-protected"),
        ]
    );
}

#[test]
fn a_broken_linkedin_file_inside_a_zip_fails_with_its_name_and_line() {
    let zip = tiny_zip(&[(
        "Connections.csv",
        b"First Name,Last Name,Connected On\nAna,\"Souza,09 Nov 2018",
        true,
    )]);
    assert_eq!(
        read("export.zip", &zip),
        Err(ImportError::UnclosedQuote {
            file: "export.zip › Connections.csv".into(),
            line: 2
        })
    );
}

#[test]
fn plain_text_is_not_a_contacts_file() {
    assert_eq!(
        read("letter.txt", b"Dear Ana\nthanks for lunch\n"),
        Err(ImportError::NotContacts {
            file: "letter.txt".into(),
            what: "plain text without columns".into()
        })
    );
    let one_column = one("names.csv", b"Name\nAna Souza\n");
    assert_eq!(names(&one_column.people), ["Ana Souza"]);
}

#[test]
fn a_zip_of_something_else_is_not_a_linkedin_export() {
    assert_eq!(
        read("photos.zip", fixture!("not_linkedin.zip")),
        Err(ImportError::NotLinkedInExport {
            file: "photos.zip".into()
        })
    );
}

#[test]
fn a_zip_that_unpacks_past_the_limit_is_refused() {
    // A stored entry that claims 65 MB: refused from the directory alone, nothing inflated.
    let mut zip = tiny_zip(&[("Connections.csv", b"First Name", false)]);
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap_or_default();
    zip[central + 24..central + 28].copy_from_slice(&(65u32 * 1024 * 1024).to_le_bytes());
    assert!(
        matches!(read("bomb.zip", &zip), Err(ImportError::BadZip { reason, .. }) if reason.contains("more than 64 MB"))
    );
    // Half a ZIP has no table of contents.
    let cut = &fixture!("not_linkedin.zip")[..100];
    assert!(matches!(read("cut.zip", cut), Err(ImportError::BadZip { .. })));
}

#[test]
fn bad_files_give_errors_a_person_can_act_on() {
    let unclosed = read("people.csv", b"Name,Notes\nAna,\"never closed\nBo,x\n");
    assert_eq!(
        unclosed.as_ref().err().map(|e| e.to_string()).as_deref(),
        Some("people.csv, line 2: a quote opened here is never closed")
    );
    let truncated = read("c.vcf", b"BEGIN:VCARD\nFN:Ana\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\n");
    assert_eq!(
        truncated,
        Err(ImportError::TruncatedVCard {
            file: "c.vcf".into(),
            line: 4
        })
    );
    let png = read("contacts.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(
        png,
        Err(ImportError::NotContacts {
            file: "contacts.csv".into(),
            what: "a PNG image".into()
        })
    );
    assert_eq!(read("e.csv", b""), Err(ImportError::Empty { file: "e.csv".into() }));
    assert_eq!(
        read("e.csv", b"\xEF\xBB\xBF \r\n"),
        Err(ImportError::Empty { file: "e.csv".into() })
    );
}

#[test]
fn a_file_over_64_mb_is_refused_before_reading() {
    // The length is checked first, so a zeroed buffer (cheap to get) is never looked into.
    let big = vec![0u8; MAX_FILE_BYTES + 1];
    assert_eq!(
        read("huge.csv", &big),
        Err(ImportError::TooLarge {
            file: "huge.csv".into(),
            megabytes: 65
        })
    );
}

#[test]
fn a_megabyte_field_is_cut_with_a_note() {
    let text = format!(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Souza,,,\"{}\",,09 Nov 2018",
        "x".repeat(1_048_576)
    );
    let p = one("Connections.csv", text.as_bytes());
    assert_eq!(p.people[0].company.len(), crate::model::MAX_FIELD_CHARS);
    assert_eq!(
        p.notes,
        ["line 2: a 1,048,576-character field was cut to 10,000 characters"]
    );
}

/// A ZIP writer just big enough for tests: entries stored or deflated, with a central directory.
pub(super) fn tiny_zip(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, deflate) in entries {
        let body = if *deflate {
            miniz_oxide::deflate::compress_to_vec(data, 6)
        } else {
            data.to_vec()
        };
        let method: u16 = if *deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let header = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0x0800u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 8]); // time, date, CRC (not checked)
            h.extend((body.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 10]); // comment length, disk, attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend(&body);
        central.extend(header(b"PK\x01\x02", true));
    }
    let central_at = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(central_at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
