//! Two or more replicas syncing through the model server.

use super::device::Device;
use super::replicate::{run, APPLY_EVERY, BATCH, CHANGES_PAGE};
use super::server::{Link, MemServer};
use super::*;
use crate::model::{Contact, Data, Id, Stamp};
use crate::store::{MemoryKv, Store, STORAGE_BUDGET};
use serde_json::{json, Value};

impl Device {
    fn sync(&mut self, server: &mut MemServer) -> Report {
        run(&mut Link::new(server), "test", 1_000, &mut self.data, &mut self.meta).expect("sync")
    }

    /// Drives a sync the way the browser's `web::sync::run` does, with `self` as what is stored:
    /// the bookkeeping is saved after each apply, every 16 requests, on an error and at the end,
    /// but not when the data could not be saved (the `fail_apply`-th apply, from 1, fails).
    fn sync_like_the_browser(&mut self, link: &mut Link, fail_apply: Option<usize>) -> Result<Report, SyncError> {
        let mut meta = self.meta.clone();
        let mut replicator = Replicator::new("test", 1_000);
        let (mut response, mut sent, mut applied) = (None, 0, 0);
        loop {
            match replicator.step(response.take(), &self.data, &mut meta) {
                Err(e) => {
                    self.meta = meta;
                    return Err(e);
                }
                Ok(Step::Send(request)) => match link.send(&request) {
                    Ok(r) => {
                        response = Some(r);
                        sent += 1;
                        if sent % 16 == 0 {
                            self.meta = meta.clone();
                        }
                    }
                    Err(e) => {
                        self.meta = meta;
                        return Err(e);
                    }
                },
                Ok(Step::Apply(change)) => {
                    applied += 1;
                    if fail_apply == Some(applied) {
                        return Err(SyncError::Save("the storage is full".into()));
                    }
                    change.apply(&mut self.data);
                    self.meta = meta.clone();
                }
                Ok(Step::Done(report)) => {
                    self.meta = meta;
                    return Ok(report);
                }
            }
        }
    }

    fn add_many(&mut self, n: u128) {
        for i in 1..=n {
            self.add(i, &format!("Contact {i}"));
        }
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
    let n = CHANGES_PAGE as u128 * 3 + 17;
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

    // B's pull is cut off at its third page, before its first batch is applied: B has nothing
    // yet and no checkpoint, and starts over.
    let mut link = Link::new(&mut server);
    link.cut_at = Some(("_changes", 3));
    assert!(b.sync_like_the_browser(&mut link, None).is_err());
    assert!(b.data.contacts.is_empty());
    assert_eq!(b.meta.since(), &json!(0));
    assert_eq!(b.sync(&mut server).pulled, n as usize);
    assert_eq!(b.data, a.data);
    assert_eq!(
        b.sync(&mut server),
        Report::default(),
        "nothing pulled twice, nothing to push"
    );
}

/// A device with more contacts than one batch of the pull, synced up, and the server.
fn more_than_a_batch_on_the_server() -> (MemServer, Device, usize) {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    let n = APPLY_EVERY + 5 * CHANGES_PAGE + 17;
    a.add_many(n as u128);
    a.sync(&mut server);
    (server, a, n)
}

/// The `since` of the first `_changes` the server was asked for.
fn first_since(server: &MemServer) -> String {
    let changes = server
        .log
        .iter()
        .find(|l| l.contains("_changes"))
        .expect("a _changes request");
    changes
        .split("since=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_pull_cut_off_after_its_first_page_changes_nothing_and_the_next_sync_ends_complete() {
    let (mut server, a, n) = more_than_a_batch_on_the_server();
    let mut b = Device::new("b");
    let mut link = Link::new(&mut server);
    link.cut_at = Some(("_changes", 2));
    let err = b.sync_like_the_browser(&mut link, None).unwrap_err();
    assert!(matches!(err, SyncError::Unreachable(_)), "{err:?}");
    assert!(b.data.contacts.is_empty(), "a page is not applied on its own");
    assert!(b.meta.is_empty(), "no bookkeeping without its data");
    assert!(server.checkpoints().is_empty(), "no checkpoint ahead of what B has");
    let report = b.sync_like_the_browser(&mut Link::new(&mut server), None).unwrap();
    assert_eq!(report.pulled, n);
    assert_eq!(b.data, a.data);
}

#[test]
fn a_pull_cut_off_inside_its_second_batch_resumes_from_the_first_batchs_checkpoint() {
    let (mut server, a, n) = more_than_a_batch_on_the_server();
    let mut b = Device::new("b");
    // The first batch is APPLY_EVERY / CHANGES_PAGE pages; the cut comes after three pages of the next.
    let pages = APPLY_EVERY / CHANGES_PAGE;
    let mut link = Link::new(&mut server);
    link.cut_at = Some(("_changes", pages + 4));
    assert!(b.sync_like_the_browser(&mut link, None).is_err());
    assert_eq!(
        b.data.contacts.len(),
        APPLY_EVERY,
        "the first batch is kept, the cut one is not"
    );
    assert_eq!(b.meta.len(), APPLY_EVERY);
    let checkpoint = b.meta.since().clone();
    assert_ne!(checkpoint, json!(0));
    assert_eq!(
        server.checkpoints(),
        vec![checkpoint.clone()],
        "the server's checkpoint is B's"
    );

    server.log.clear();
    let report = b.sync_like_the_browser(&mut Link::new(&mut server), None).unwrap();
    assert_eq!(first_since(&server), checkpoint.to_string(), "resumed, not from zero");
    assert_eq!(report.pulled, n - APPLY_EVERY);
    assert_eq!(b.data, a.data);
    assert_eq!(
        b.sync(&mut server),
        Report::default(),
        "nothing pulled twice, nothing to push"
    );
}

#[test]
fn a_pull_whose_data_cannot_be_saved_keeps_no_bookkeeping_of_it_and_pushes_nothing_wrong() {
    let (mut server, a, n) = more_than_a_batch_on_the_server();
    let mut b = Device::new("b");
    // The second batch's save fails: the first one stays, with its checkpoint.
    let err = b
        .sync_like_the_browser(&mut Link::new(&mut server), Some(2))
        .unwrap_err();
    assert!(matches!(err, SyncError::Save(_)), "{err:?}");
    assert_eq!(b.data.contacts.len(), APPLY_EVERY);
    assert_eq!(b.meta.len(), APPLY_EVERY, "no bookkeeping for records B does not have");
    let checkpoint = b.meta.since().clone();
    assert_eq!(server.checkpoints(), vec![checkpoint.clone()]);

    server.log.clear();
    let report = b.sync_like_the_browser(&mut Link::new(&mut server), None).unwrap();
    assert_eq!(first_since(&server), checkpoint.to_string(), "resumed, not from zero");
    assert_eq!(report.pushed, 0, "no tombstone or stale revision goes up");
    assert_eq!(b.data, a.data);
    assert_eq!(server.live_ids().len(), n);
}

#[test]
fn a_merge_written_early_in_a_pull_is_not_merged_again_when_it_comes_back_in_the_same_pull() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add(1, "Ana Berg");
    a.sync(&mut server);
    b.sync(&mut server);
    a.edit(1, 50, |c| c.company = "DSV".into());
    b.edit(1, 60, |c| c.role = "Lead analyst".into());
    // A's edit comes first in B's `_changes`, then more than a page of new contacts: B's merge is
    // written after the first page and listed again on a later page of the same batch.
    for i in 2..=(CHANGES_PAGE as u128 * 2) {
        a.add(i, &format!("Contact {i}"));
    }
    a.sync(&mut server);
    server.bulk_docs.clear();
    let report = b.sync(&mut server);
    assert_eq!(report.merges.len(), 1, "{:?}", report.merges);
    let written: Vec<&Value> = server
        .bulk_docs
        .iter()
        .flat_map(|b| b["docs"].as_array().unwrap())
        .collect();
    assert_eq!(
        written.iter().filter(|d| d["_id"] == json!(doc_id(1))).count(),
        1,
        "one merge, written once"
    );
    a.sync(&mut server);
    assert_eq!(a.data, b.data);
    let c = &b.data.contacts[&id(1)];
    assert_eq!((c.company.as_str(), c.role.as_str()), ("DSV", "Lead analyst"));
    assert!(server.conflicts(&doc_id(1)).is_empty());
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

#[test]
fn an_edit_or_delete_made_here_while_a_pull_is_under_way_is_kept_and_sent() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add(1, "Ana Berg");
    a.add(3, "Cy Dahl");
    a.sync(&mut server);
    b.sync(&mut server);
    a.edit(1, 50, |c| c.company = "DSV".into());
    a.edit(3, 50, |c| c.company = "Novo".into());
    for i in 10..(10 + 2 * CHANGES_PAGE as u128) {
        a.add(i, &format!("Contact {i}"));
    }
    a.sync(&mut server);

    // B's pull reads both edits on its first page; before its second page the user edits one
    // contact and deletes the other, while the batch is not applied yet.
    let mut replicator = Replicator::new("test", 1_000);
    let mut link = Link::new(&mut server);
    let (mut response, mut pages) = (None, 0);
    loop {
        match replicator.step(response.take(), &b.data, &mut b.meta).unwrap() {
            Step::Send(request) => {
                if request.path.starts_with("_changes") {
                    pages += 1;
                    if pages == 2 {
                        b.edit(1, 70, |c| c.notes = "met again".into());
                        b.data.contacts.remove(&id(3));
                    }
                }
                response = Some(link.send(&request).unwrap());
            }
            Step::Apply(change) => {
                change.apply(&mut b.data);
            }
            Step::Done(_) => break,
        }
    }
    let c = &b.data.contacts[&id(1)];
    assert_eq!((c.company.as_str(), c.notes.as_str()), ("DSV", "met again"));
    assert!(!b.data.contacts.contains_key(&id(3)), "the delete stands");
    a.sync(&mut server);
    assert_eq!(a.data, b.data);
    assert!(server.conflicts(&doc_id(1)).is_empty());
    assert!(!server.live_ids().contains(&doc_id(3)));
}
