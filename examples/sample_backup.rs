//! Writes a Vouch backup file with N realistic sample contacts (default 30,000), for trying the app
//! at LinkedIn scale and for the in-browser benchmark: `cargo run --release --example sample_backup
//! -- 30000 /tmp/vouch-30k.json`, then Settings & data → Restore from a backup.

use vouch::model::{Data, Stamp};
use vouch::store::Backup;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(30_000);
    let path = args.next().unwrap_or_else(|| "vouch-sample-backup.json".into());
    let mut data = Data::default();
    for c in vouch::sample::contacts(n, 42) {
        data.contacts.insert(c.id, c);
    }
    let json = Backup::from_data(&data, Stamp::from_millis(1_767_225_600_000)).to_json();
    std::fs::write(&path, json).expect("write the backup file");
    println!("wrote {n} contacts to {path}");
}
