//! `read` never panics, whatever the bytes: random bytes, fixtures with bytes flipped, cut or
//! inserted, and text stitched from the pieces the parsers react to. `make fuzz` runs 100,000
//! cases; the normal test run takes `PROPTEST_CASES` or 2,000.

use super::read;
use proptest::prelude::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/", $name)) as &[u8]
    };
}

const FIXTURES: [&[u8]; 12] = [
    fixture!("Connections.csv"),
    fixture!("Connections_excel.csv"),
    fixture!("messages.csv"),
    fixture!("messages_2019.csv"),
    fixture!("Endorsement_Received_Info.csv"),
    fixture!("Invitations.csv"),
    fixture!("iphone.vcf"),
    fixture!("outlook21.vcf"),
    fixture!("v4.vcf"),
    fixture!("google_contacts.csv"),
    fixture!("utf16le.csv"),
    fixture!("Basic_LinkedInDataExport_01-01-2026.zip"),
];

const PIECES: [&str; 22] = [
    "\"",
    "\"\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    " ",
    "=",
    "=\n",
    "\\",
    ":",
    ".",
    "BEGIN:VCARD\n",
    "END:VCARD\n",
    "FN;ENCODING=QUOTED-PRINTABLE:",
    "item1.URL;TYPE=\"a,b\":",
    "First Name,Last Name,Connected On\n",
    "CONVERSATION ID,FROM,CONTENT,DATE\n",
    "1/8/18, 6:14 PM",
    "é",
    "\u{feff}",
];

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8)).prop_map(|(at, b)| Mutation::Insert(at, b)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(at, b) => {
                if let Some(x) = bytes.get_mut(at % len) {
                    *x = *b;
                }
            }
            Mutation::Cut(at) => bytes.truncate(at % len),
            Mutation::Insert(at, b) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, b.iter().copied());
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read("any.bin", &bytes);
    }

    #[test]
    fn mutated_fixtures_read_without_panicking(
        which in 0..FIXTURES.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let _ = read("mutated", &mutate(FIXTURES[which].to_vec(), &mutations));
    }

    #[test]
    fn text_made_of_parser_pieces_reads_without_panicking(
        pieces in proptest::collection::vec((0..PIECES.len(), "[a-zA-Z0-9@/]{0,6}"), 0..60),
    ) {
        let text: String = pieces.iter().flat_map(|(i, word)| [PIECES[*i], word.as_str()]).collect();
        let _ = read("pieces.csv", text.as_bytes());
    }
}
