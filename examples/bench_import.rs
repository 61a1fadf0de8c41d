//! Times reading a 30,000-row LinkedIn Connections.csv (the largest network LinkedIn allows),
//! generated in memory with the preamble and quoted fields real exports have.
//! Run with `cargo run --release --example bench_import`; prints the median of 5 runs.

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
}
