//! Prints twenty drafts from the writer's property generator, from a fixed seed, so a person can
//! read them aloud and judge them as the one receiving them would:
//! `cargo run --example drafts_sample` (pass another number to see another twenty).

use vouch::compose::samples::sample_case;
use vouch::compose::write;

fn main() {
    let start: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2024);
    for seed in start..start + 20 {
        let case = sample_case(seed);
        let draft = write(&case.brief, case.kind, case.channel, case.tone);
        println!(
            "==== #{seed}: {} · {} · {}",
            case.kind.label(),
            case.channel.label(),
            case.tone.label()
        );
        if let Some(subject) = &draft.subject {
            println!("Subject: {subject}\n");
        }
        println!("{}\n", draft.body);
    }
}
