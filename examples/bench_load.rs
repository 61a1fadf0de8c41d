//! How long opening the app's store takes with 30,000 sample contacts stored, natively, and where
//! the time goes (unpacking the UTF-16 text, inflating, parsing JSON): `cargo run --release
//! --example bench_load [-- N]`. The browser figure is in `node tests/bench/browser.mjs`.

use std::time::{Duration, Instant};
use vouch::model::{Contact, Data};
use vouch::store::{codec, KeyValue, MemoryKv, Store};

/// The median time of `rounds` runs of `f`.
fn median_of(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut xs: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(30_000);
    let mut data = Data::default();
    for c in vouch::sample::contacts(n, 42) {
        data.contacts.insert(c.id, c);
    }
    let mut store = Store::new(MemoryKv::default());
    store
        .save_many::<Contact>(&data, data.contacts.keys().copied())
        .expect("save");
    let kv = store.kv().clone();
    let shards: Vec<String> = kv
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with("vouch.c."))
        .collect();
    let stored: Vec<String> = shards.iter().map(|k| kv.get(k).unwrap().unwrap()).collect();

    let rounds = 7;
    let load = median_of(rounds, || {
        let loaded = Store::new(kv.clone()).load().expect("load");
        assert_eq!(loaded.contacts.len(), n);
    });
    let decode = median_of(rounds, || {
        for s in &stored {
            codec::decode::<Contact>(s).expect("decode");
        }
    });
    // The same shards' JSON and deflated bytes, to time each stage alone.
    let jsons: Vec<Vec<u8>> = stored
        .iter()
        .map(|s| serde_json::to_vec(&codec::decode::<Contact>(s).unwrap()).unwrap())
        .collect();
    let deflated: Vec<Vec<u8>> = jsons
        .iter()
        .map(|j| miniz_oxide::deflate::compress_to_vec(j, 3))
        .collect();
    let inflate = median_of(rounds, || {
        for d in &deflated {
            miniz_oxide::inflate::decompress_to_vec(d).unwrap();
        }
    });
    let parse = median_of(rounds, || {
        for j in &jsons {
            serde_json::from_slice::<Vec<Contact>>(j).unwrap();
        }
    });
    let json_bytes: usize = jsons.iter().map(Vec::len).sum();
    let units: usize = stored.iter().map(|s| codec::utf16_len(s)).sum();
    println!(
        "load of {n} contacts ({} shards, {units} UTF-16 units, {:.1} MB of JSON): {load:.1?}; decode {decode:.1?} = inflate {inflate:.1?} + JSON {parse:.1?} + unpack and the rest {:.1?}",
        shards.len(),
        json_bytes as f64 / 1e6,
        decode.saturating_sub(inflate + parse)
    );
}
