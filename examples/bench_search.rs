//! Times contact search on a LinkedIn-sized network, keystroke by keystroke, the way a person
//! types into the search box. Run with `cargo run --release --example bench_search`.

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use vouch::model::Data;
use vouch::network::{Filters, SearchIndex};

const CONTACTS: usize = 30_000;
const SEED: u64 = 7;
/// Each keystroke is repeated this many times; the figures are per keystroke.
const ROUNDS: usize = 20;

fn main() {
    let data = Data {
        contacts: vouch::sample::contacts(CONTACTS, SEED)
            .into_iter()
            .map(|c| (c.id, c))
            .collect(),
        ..Data::default()
    };
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a real date");

    let started = Instant::now();
    let index = SearchIndex::build(&data, today);
    println!(
        "built the index of {} contacts in {:.1} ms",
        index.len(),
        ms(started.elapsed())
    );

    let none = Filters::default();
    let logistics = Filters {
        industry: Some("logistics".into()),
        ..Filters::default()
    };
    for (label, typed, filters) in [
        ("a surname", "olafsson", &none),
        ("a name then a company", "zoe olafsson maersk", &none),
        ("a company", "booking.com", &none),
        ("a role, in logistics", "planner", &logistics),
    ] {
        let keystrokes: Vec<&str> = typed.char_indices().map(|(i, c)| &typed[..i + c.len_utf8()]).collect();
        let mut per_keystroke = Vec::new();
        let mut hits = 0;
        for _ in 0..ROUNDS {
            forget_last_query(&index);
            for query in &keystrokes {
                let t = Instant::now();
                hits = index.query(query, filters).len();
                per_keystroke.push(t.elapsed());
            }
        }
        report(
            &format!("typing {label} {typed:?}, keystroke by keystroke"),
            &mut per_keystroke,
            hits,
        );

        // The same final queries from scratch, each with no previous result to narrow.
        let mut fresh = Vec::new();
        for _ in 0..ROUNDS {
            for query in &keystrokes {
                forget_last_query(&index);
                let t = Instant::now();
                hits = index.query(query, filters).len();
                fresh.push(t.elapsed());
            }
        }
        report("  the same queries, each from scratch", &mut fresh, hits);
    }
}

/// Leaves the index with a previous query no real query narrows (a filter matching no one), so
/// the next one starts from scratch, as after clearing the search box.
fn forget_last_query(index: &SearchIndex) {
    let nowhere = Filters {
        location: Some("nowhere".into()),
        ..Filters::default()
    };
    index.query("", &nowhere);
}

fn report(label: &str, times: &mut [Duration], hits: usize) {
    times.sort_unstable();
    let median = times[times.len() / 2];
    let max = times[times.len() - 1];
    println!(
        "{label}: median {:.3} ms, max {:.3} ms per keystroke ({} hits at the end)",
        ms(median),
        ms(max),
        hits
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
