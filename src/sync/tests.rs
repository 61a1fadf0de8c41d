//! Two or more replicas syncing through the model server.

use super::replicate::{run, BATCH};
use super::server::{Link, MemServer};
use super::*;
use crate::model::{Contact, Data, Id, Stamp};
use crate::store::{MemoryKv, Store, STORAGE_BUDGET};
use serde_json::json;

struct Device {
    data: Data,
    meta: SyncMeta,
}

impl Device {
    fn new(name: &str) -> Self {
        Device {
            data: Data::default(),
            meta: SyncMeta::new(name.to_string()),
        }
    }

    fn sync(&mut self, server: &mut MemServer) -> Report {
        run(&mut Link::new(server), "test", 1_000, &mut self.data, &mut self.meta).expect("sync")
    }

    fn add(&mut self, n: u128, name: &str) {
        self.data.contacts.insert(id(n), contact(n, name, 10));
    }

    fn edit(&mut self, n: u128, at: i64, f: impl FnOnce(&mut Contact)) {
        let c = self.data.contacts.get_mut(&id(n)).unwrap();
        f(c);
        c.updated = Stamp::from_millis(at);
    }
}

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn doc_id(n: u128) -> String {
    DocKey::Record("c", id(n)).doc_id()
}

fn contact(n: u128, name: &str, at: i64) -> Contact {
    Contact::new(id(n), name, Stamp::from_millis(at))
}

#[test]
fn a_contact_added_on_one_device_reaches_the_other() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add(1, "Ana Berg");
    a.data.profile.name = "Me".into();
    let report = a.sync(&mut server);
    assert_eq!(report.pushed, 2);
    assert_eq!(server.live_ids(), vec![doc_id(1), "profile".to_string()]);

    let report = b.sync(&mut server);
    assert_eq!(report.pulled, 2);
    assert_eq!(b.data, a.data);
    // Nothing left to do on either side.
    assert_eq!(a.sync(&mut server), Report::default());
    assert_eq!(b.sync(&mut server), Report::default());
}

#[test]
fn two_devices_editing_one_contact_offline_end_with_one_merged_contact() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add(1, "Ana Berg");
    a.sync(&mut server);
    b.sync(&mut server);

    a.edit(1, 50, |c| {
        c.company = "DSV".into();
        c.tags = vec!["logistics".into()];
        c.notes = "from the laptop".into();
    });
    b.edit(1, 60, |c| {
        c.role = "Lead analyst".into();
        c.tags = vec!["mentor".into()];
        c.notes = "from the phone".into();
    });
    a.sync(&mut server);
    let report = b.sync(&mut server);
    a.sync(&mut server);

    let merged = &b.data.contacts[&id(1)];
    assert_eq!(merged.company, "DSV");
    assert_eq!(merged.role, "Lead analyst");
    assert_eq!(merged.tags, vec!["logistics".to_string(), "mentor".to_string()]);
    assert_eq!(
        merged.notes, "from the phone",
        "the newer edit of a field both changed wins"
    );
    assert_eq!(a.data, b.data);
    assert!(server.conflicts(&doc_id(1)).is_empty());
    assert_eq!(report.merges.len(), 1);
    assert_eq!(report.merges[0].what, "Contact Ana Berg");
    assert_eq!(report.merges[0].fields, vec!["notes".to_string(), "tags".to_string()]);
}

#[test]
fn a_conflict_on_the_server_is_merged_and_the_loser_deleted_in_the_same_bulk_docs() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add(1, "Ana Berg");
    a.sync(&mut server);
    let first = server.winner_rev(&doc_id(1)).unwrap();
    // Another client wrote a sibling of the current revision without reading it first.
    let mut other = serde_json::to_value(contact(1, "Ana Berg", 10)).unwrap();
    other["ph"] = json!("+45 1234");
    other["_id"] = json!(doc_id(1));
    other["_rev"] = json!(format!("2-{}", "0".repeat(16)));
    other["_revisions"] = json!({"start": 2, "ids": ["0".repeat(16), rev::hash_part(&first)]});
    server.put_rev(other);
    let mut edited = serde_json::to_value(contact(1, "Ana Berg", 10)).unwrap();
    edited["co"] = json!("DSV");
    edited["_id"] = json!(doc_id(1));
    edited["_rev"] = json!(format!("2-{}", "f".repeat(16)));
    edited["_revisions"] = json!({"start": 2, "ids": ["f".repeat(16), rev::hash_part(&first)]});
    server.put_rev(edited);
    assert_eq!(server.conflicts(&doc_id(1)).len(), 1);

    server.bulk_docs.clear();
    a.sync(&mut server);
    assert!(server.conflicts(&doc_id(1)).is_empty());
    let c = &a.data.contacts[&id(1)];
    assert_eq!((c.company.as_str(), c.phone.as_str()), ("DSV", "+45 1234"));
    assert_eq!(server.bulk_docs.len(), 1, "one _bulk_docs: {:?}", server.bulk_docs);
    let docs = server.bulk_docs[0]["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert!(docs[0]["_rev"].as_str().unwrap().starts_with("3-"));
    assert_eq!(docs[1]["_deleted"], json!(true));
    assert_eq!(server.winner_body(&doc_id(1)).unwrap()["ph"], json!("+45 1234"));
}

#[test]
fn a_delete_travels_and_an_undone_delete_comes_back() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add(1, "Ana Berg");
    a.add(2, "Bo Li");
    a.sync(&mut server);
    b.sync(&mut server);

    let removed = a.data.remove_contact(id(1)).unwrap();
    a.sync(&mut server);
    b.sync(&mut server);
    assert!(!b.data.contacts.contains_key(&id(1)));
    assert!(b.data.contacts.contains_key(&id(2)));
    assert_eq!(server.live_ids(), vec![doc_id(2)]);

    a.data.restore_contact(removed);
    a.sync(&mut server);
    b.sync(&mut server);
    assert_eq!(b.data.contacts[&id(1)].name, "Ana Berg");
}

#[test]
fn an_edit_wins_over_a_delete_made_offline_on_another_device() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add(1, "Ana Berg");
    a.sync(&mut server);
    b.sync(&mut server);
    a.data.contacts.remove(&id(1));
    b.edit(1, 70, |c| c.notes = "met again".into());
    a.sync(&mut server);
    b.sync(&mut server);
    a.sync(&mut server);
    assert_eq!(a.data.contacts[&id(1)].notes, "met again");
    assert_eq!(server.live_ids(), vec![doc_id(1)]);
}

#[test]
fn a_sync_cut_off_halfway_resumes_from_its_checkpoint_and_ends_complete() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    let n = BATCH as u128 * 3 + 17;
    for i in 1..=n {
        a.add(i, &format!("Contact {i}"));
    }
    // The push is cut off after its first two batches (check, checkpoint, changes, then
    // revs_diff + bulk_docs twice).
    let mut link = Link::new(&mut server);
    link.cut_after = Some(7);
    assert!(run(&mut link, "test", 1, &mut a.data, &mut a.meta).is_err());
    assert_eq!(server.live_ids().len(), 2 * BATCH);
    a.sync(&mut server);
    assert_eq!(server.live_ids().len(), n as usize);

    // B's pull is cut off after its second page: it keeps what it applied and the checkpoint.
    let mut link = Link::new(&mut server);
    link.cut_after = Some(3 + 2 * 3);
    let err = run(&mut link, "test", 1, &mut b.data, &mut b.meta);
    assert!(err.is_err());
    assert_eq!(b.data.contacts.len(), 2 * BATCH);
    server.log.clear();
    b.sync(&mut server);
    assert_eq!(b.data, a.data);
    let first_changes = server.log.iter().find(|l| l.contains("_changes")).unwrap();
    assert!(
        !first_changes.contains("since=0&"),
        "resumed from the checkpoint: {first_changes}"
    );
}

#[test]
fn a_wrong_password_is_a_clear_error_and_changes_nothing() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add(1, "Ana Berg");
    server.password_ok = false;
    let before = (a.data.clone(), a.meta.clone());
    let err = run(&mut Link::new(&mut server), "test", 1, &mut a.data, &mut a.meta).unwrap_err();
    assert_eq!(err, SyncError::Unauthorized);
    assert!(err.to_string().contains("user name or password"));
    assert_eq!((a.data.clone(), a.meta.clone()), before);
    server.password_ok = true;
    assert!(server.live_ids().is_empty());
}

#[test]
fn a_document_refused_inside_a_201_is_reported_and_pushed_again_next_time() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add(1, "Ana Berg");
    a.add(2, "Bo Li");
    server.refuse.insert(doc_id(1));
    let report = a.sync(&mut server);
    assert_eq!(report.pushed, 1);
    assert_eq!(report.errors.len(), 1);
    assert!(report.errors[0].contains("refused"), "{}", report.errors[0]);
    server.refuse.clear();
    assert_eq!(a.sync(&mut server).pushed, 1);
    assert_eq!(server.live_ids().len(), 2);
}

#[test]
fn a_missing_database_is_created() {
    let mut server = MemServer::new();
    server.exists = false;
    let mut a = Device::new("a");
    a.add(1, "Ana Berg");
    a.sync(&mut server);
    assert!(server.exists);
    assert_eq!(server.live_ids().len(), 1);
}

#[test]
fn sync_bookkeeping_round_trips_through_storage() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add(1, "Ana Berg");
    a.data.profile.name = "Me".into();
    a.sync(&mut server);
    let mut kv = MemoryKv::default();
    a.meta.save(&mut kv).unwrap();
    let loaded = SyncMeta::load(&kv).unwrap().unwrap();
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded.docs().collect::<Vec<_>>(), a.meta.docs().collect::<Vec<_>>());
    assert_eq!(loaded.since(), a.meta.since());
    assert!(kv.map.keys().all(|k| k.starts_with(meta::PREFIX)));
    meta::SyncMeta::forget(&mut kv).unwrap();
    assert!(kv.map.is_empty());
}

#[test]
fn the_sync_bookkeeping_of_30000_contacts_fits_the_storage_budget_beside_the_data() {
    let mut data = Data::default();
    data.contacts
        .extend(crate::sample::contacts(30_000, 42).into_iter().map(|c| (c.id, c)));
    let mut store = Store::new(MemoryKv::default());
    store.replace_all(&data).unwrap();
    let data_units = crate::store::storage_used(store.kv());

    let mut server = MemServer::new();
    let mut device = Device {
        data,
        meta: SyncMeta::new("a".into()),
    };
    let started = std::time::Instant::now();
    assert_eq!(device.sync(&mut server).pushed, 30_000);
    let up = started.elapsed();
    let mut other = Device::new("b");
    let started = std::time::Instant::now();
    assert_eq!(other.sync(&mut server).pulled, 30_000);
    let down = started.elapsed();
    assert_eq!(other.data, device.data);
    let mut kv = MemoryKv::default();
    device.meta.save(&mut kv).unwrap();
    let meta_units = SyncMeta::storage_used(&kv);
    println!(
        "30,000 contacts: data {data_units} units, sync bookkeeping {meta_units} units, budget {STORAGE_BUDGET}; \
         first sync up {up:?}, down {down:?} (against the model server, this build's optimisation)"
    );
    assert!(
        data_units + meta_units < STORAGE_BUDGET * 9 / 10,
        "{data_units} + {meta_units}"
    );
    assert!(meta_units < 30_000 * 50, "{meta_units}");
}

#[test]
fn a_profile_edited_on_two_devices_keeps_both_fields() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.data.profile.name = "Sam".into();
    a.sync(&mut server);
    b.sync(&mut server);
    a.data.profile.headline = "Analyst".into();
    b.data.profile.skills = vec!["SQL".into()];
    a.sync(&mut server);
    b.sync(&mut server);
    a.sync(&mut server);
    assert_eq!(a.data.profile, b.data.profile);
    assert_eq!(
        (a.data.profile.headline.as_str(), a.data.profile.skills.len()),
        ("Analyst", 1)
    );
}
