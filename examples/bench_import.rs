//! Times reading a 30,000-row LinkedIn Connections.csv (the largest network LinkedIn allows),
//! generated in memory with the preamble and quoted fields real exports have.
//! Then matches it against 30,000 stored contacts and looks for duplicates in a 30,000-contact
//! network. Run with `cargo run --release --example bench_import`; prints medians of 5 runs.

use std::fmt::Write;
use std::time::Instant;

const ROWS: usize = 30_000;
const RUNS: usize = 5;

fn connections() -> String {
    let mut csv = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n\
         First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    );
    for i in 0..ROWS {
        let email = if i % 10 == 0 {
            format!("person{i}@example.org")
        } else {
            String::new()
        };
        // Every row's fields as LinkedIn writes them; a comma in some companies forces quotes.
        let _ = writeln!(
            csv,
            "Person{i},Fictional{},https://www.linkedin.com/in/person-{i}-fict,{email},\"Company {}, Inc.\",Senior Engineer {},{:02} Nov 20{:02}",
            i % 997,
            i % 389,
            i % 13,
            i % 28 + 1,
            i % 25
        );
    }
    csv
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn time(mut run: impl FnMut()) -> f64 {
    median(
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                run();
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let csv = connections();
    let mut times = Vec::with_capacity(RUNS);
    let mut people = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let parsed = vouch::import::read("Connections.csv", csv.as_bytes());
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        people = parsed.map(|p| p.iter().map(|f| f.people.len()).sum()).unwrap_or(0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "read {people} connections ({:.1} MB) in {:.1} ms (median of {RUNS})",
        csv.len() as f64 / 1e6,
        times[RUNS / 2]
    );

    // The same file against a network that already holds everyone in it: the re-import case.
    let files = vouch::import::read("Connections.csv", csv.as_bytes()).expect("the generated file reads");
    let mut data = vouch::model::Data::default();
    let now = vouch::model::Stamp::from_millis(1_764_547_200_000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a real date");
    let options = vouch::import::plan::Options {
        tag: "LinkedIn 2026-12".into(),
        keep_message_text: false,
    };
    let first = vouch::import::plan::Preview::build(&data, &files);
    first
        .batch(&data, &Default::default(), &options, today, now)
        .apply(&mut data);
    let ms = time(|| {
        vouch::import::plan::Preview::build(&data, &files);
    });
    println!(
        "match {ROWS} rows against {} stored: {ms:.1} ms (median of {RUNS})",
        data.contacts.len()
    );

    let mut sample = vouch::model::Data::default();
    sample
        .contacts
        .extend(vouch::sample::contacts(ROWS, 7).into_iter().map(|c| (c.id, c)));
    let mut pairs = 0;
    let ms = time(|| pairs = vouch::network::find_duplicates(&sample).len());
    println!("find duplicates among {ROWS} contacts: {ms:.1} ms, {pairs} pairs (median of {RUNS})");
}
