use super::*;
use crate::model::*;
use chrono::NaiveDate;
use std::cell::RefCell;
use std::rc::Rc;

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn at(ms: i64) -> Stamp {
    Stamp::from_millis(ms)
}

fn contact(n: u128, name: &str) -> Contact {
    Contact::new(id(n), name, at(1_000))
}

/// One storage seen by several `Store`s: two tabs of the same origin.
#[derive(Clone, Default)]
struct SharedKv(Rc<RefCell<MemoryKv>>);

impl KeyValue for SharedKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.borrow().keys()
    }
}

/// A data set with one record of every kind, every optional field filled.
fn full_data() -> Data {
    let mut data = Data {
        profile: Profile {
            name: "Sam Rivera".into(),
            headline: "Operations analyst".into(),
            skills: vec!["Cut picking errors 30%".into(), "SQL".into()],
            resume_url: "https://example.com/cv.pdf".into(),
            signature: "Sam\n+31 6 0000".into(),
            updated: Some(at(5)),
        },
        ..Data::default()
    };
    let mut c = contact(1, "Zoë Ólafsson");
    c.company = "Maersk".into();
    c.role = "Ops lead".into();
    c.industry = "Logistics".into();
    c.location = "Rotterdam".into();
    c.email = "zoe@example.com".into();
    c.phone = "+31 6 1234".into();
    c.profile_url = "https://example.com/in/zoe".into();
    c.relationship = Relationship::FormerColleague;
    c.how_we_met = "Same team 2019".into();
    c.shared = vec!["WMS migration".into()];
    c.admire = "Her talk on slotting".into();
    c.know = Score::new(4);
    c.like = Score::new(3);
    c.trust = Score::new(2);
    c.knows_my_work = true;
    c.cadence_days = Some(30);
    c.tags = vec!["logistics".into()];
    c.notes = "<script>alert(1)</script> \"quoted\"".into();
    c.source = Source::Imported {
        file: "Connections.csv".into(),
        batch: None,
    };
    data.contacts.insert(c.id, c);
    data.contacts.insert(id(2), contact(2, "Bram"));
    let link = KnowsLink {
        id: id(10),
        from: id(1),
        to: Person::Named {
            name: "Ines".into(),
            company: "Picnic".into(),
            role: "Recruiter".into(),
        },
        strength: Score::new(3),
        note: "ex-roommates".into(),
        created: at(1),
        updated: at(2),
    };
    data.links.insert(link.id, link);
    let link2 = KnowsLink {
        id: id(11),
        from: id(1),
        to: Person::Contact(id(2)),
        strength: Score::new(1),
        note: String::new(),
        created: at(1),
        updated: at(1),
    };
    data.links.insert(link2.id, link2);
    let tp = Touchpoint {
        id: id(20),
        contact: id(1),
        date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        kind: TouchKind::CoffeeOrLunch,
        direction: Direction::Gave,
        note: "lunch".into(),
        imported: None,
        created: at(3),
        updated: at(3),
    };
    data.touchpoints.insert(tp.id, tp);
    let goal = Goal {
        id: id(30),
        kind: GoalKind::Targeted,
        roles: vec!["Operations analyst".into()],
        industry: "Logistics".into(),
        locations: vec!["Rotterdam".into()],
        company: "Maersk".into(),
        posting: "https://example.com/jobs/1".into(),
        pitch: vec!["SQL".into()],
        archived: false,
        created: at(4),
        updated: at(4),
    };
    data.goals.insert(goal.id, goal);
    let ask = Ask {
        id: id(40),
        contact: id(1),
        goal: Some(id(30)),
        kind: AskKind::Referral,
        channel: Channel::Email,
        message: "Hi Zoë".into(),
        sent_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        outcome: Outcome::Cant {
            why: "hiring freeze".into(),
        },
        volunteered: true,
        follow_up_due: NaiveDate::from_ymd_opt(2026, 11, 9),
        introduce_to: String::new(),
        notes: "call in Jan".into(),
        answered_on: NaiveDate::from_ymd_opt(2026, 11, 4),
        thanked_on: NaiveDate::from_ymd_opt(2026, 11, 5),
        last_follow_up_on: NaiveDate::from_ymd_opt(2026, 11, 6),
        later_follow_up: NaiveDate::from_ymd_opt(2027, 1, 15),
        eyes_open_on: NaiveDate::from_ymd_opt(2026, 11, 5),
        resume_sent_on: NaiveDate::from_ymd_opt(2026, 11, 5),
        refers_internally: true,
        questions_plan: true,
        created: at(5),
        updated: at(6),
    };
    data.asks.insert(ask.id, ask);
    let referral = Referral {
        id: id(50),
        name: "Ines".into(),
        company: "Picnic".into(),
        role: "Recruiter".into(),
        email: "ines@example.com".into(),
        phone: "+31".into(),
        profile_url: "https://example.com/in/ines".into(),
        referred_by: id(1),
        ask: Some(id(40)),
        referred_at: at(7),
        calls_ahead: true,
        values: "brevity".into(),
        tips: "lead with the numbers".into(),
        notes: "prep SQL test".into(),
        stage: Stage::MeetingSet,
        first_contact: Some(at(8)),
        thanked_on: NaiveDate::from_ymd_opt(2026, 11, 3),
        how_it_went_sent_on: None,
        goal: Some(id(30)),
        stage_changed: Some(at(8)),
        meeting_on: NaiveDate::from_ymd_opt(2026, 11, 12),
        closing: Some(Closing::NoOpening),
        updates_sent: vec![UpdateSent {
            to: id(2),
            stage: Stage::Offer,
            on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        }],
        created: at(7),
        updated: at(8),
    };
    data.referrals.insert(referral.id, referral);
    data
}

fn save_everything<K: KeyValue>(store: &mut Store<K>, data: &Data) {
    store.save_profile(data).unwrap();
    crate::for_each_record!(T => store.save_many::<T>(data, T::map(data).keys().copied()).unwrap());
}

#[test]
fn every_record_kind_round_trips_through_storage() {
    let data = full_data();
    let mut store = Store::new(MemoryKv::default());
    save_everything(&mut store, &data);
    let loaded = Store::new(store.kv().clone()).load().unwrap();
    assert_eq!(loaded, data);
}

#[test]
fn an_empty_storage_loads_as_a_first_run() {
    let loaded = Store::new(MemoryKv::default()).load().unwrap();
    assert!(loaded.is_empty());
}

#[test]
fn the_first_write_records_the_data_version() {
    let mut store = Store::new(MemoryKv::default());
    store.save_profile(&full_data()).unwrap();
    assert_eq!(store.kv().map.get(META_KEY).unwrap(), r#"{"version":1}"#);
}

#[test]
fn saving_one_contact_rewrites_only_its_shard() {
    let mut data = Data::default();
    for c in crate::sample::contacts(2_000, 7) {
        data.contacts.insert(c.id, c);
    }
    let mut store = Store::new(MemoryKv::default());
    save_everything(&mut store, &data);
    let before = store.kv().map.clone();
    store.kv_mut().written.clear();

    let edited = *data.contacts.keys().nth(123).unwrap();
    data.contacts.get_mut(&edited).unwrap().notes = "met for coffee".into();
    store.save::<Contact>(&data, edited).unwrap();

    let shard = shard_key("c", shard_of(edited, 64));
    assert_eq!(store.kv().written, vec![shard.clone()]);
    for (key, value) in &store.kv().map {
        if *key != shard {
            assert_eq!(before.get(key), Some(value), "{key} must not change");
        }
    }
    assert_eq!(Store::new(store.kv().clone()).load().unwrap(), data);
}

#[test]
fn storage_use_counts_vouch_keys_only_and_reads_as_a_share_of_the_budget() {
    let mut kv = MemoryKv::default();
    kv.set("vouch.meta", "ab").unwrap();
    kv.set("other-app", "a long value of another app").unwrap();
    kv.set("vouch-pref-urgent-hours", "48").unwrap();
    assert_eq!(storage_used(&kv), "vouch.meta".len() + 2);
    assert_eq!(budget_percent(25_000), 1.0);
    assert_eq!(budget_percent(STORAGE_BUDGET), 100.0);
    assert_eq!(budget_words(25_000), "1.0%");
    assert_eq!(budget_words(1_025_667), "41.0%");
    assert_eq!(budget_words(0), "0.0%");
    assert_eq!(budget_words(STORAGE_BUDGET), "100.0%");
}

#[test]
fn thirty_thousand_contacts_fit_the_storage_budget() {
    let mut data = Data::default();
    for c in crate::sample::contacts(30_000, 42) {
        data.contacts.insert(c.id, c);
    }
    let mut store = Store::new(MemoryKv::default());
    store
        .save_many::<Contact>(&data, data.contacts.keys().copied())
        .unwrap();
    let used = storage_used(store.kv());
    println!("30,000 contacts take {used} UTF-16 units in storage");
    // Contacts may take at most half of the budget, leaving room for touchpoints, asks and growth.
    assert!(used < STORAGE_BUDGET / 2, "used {used}");
    assert!(budget_percent(used) < 50.0);
    assert_eq!(Store::new(store.kv().clone()).load().unwrap().contacts.len(), 30_000);
}

#[test]
fn corrupt_stored_data_is_reported_and_never_overwritten() {
    let data = full_data();
    let mut store = Store::new(MemoryKv::default());
    save_everything(&mut store, &data);
    let key = shard_key("c", shard_of(id(1), 64));
    store.kv_mut().map.insert(key.clone(), "{not json".into());
    let snapshot = store.kv().map.clone();

    let mut reopened = Store::new(store.kv().clone());
    let err = reopened.load().unwrap_err();
    assert!(matches!(&err, StoreError::Corrupt { key: k, .. } if *k == key), "{err}");
    // Even a save aimed at that shard refuses to replace what it cannot read.
    let err = reopened.save::<Contact>(&data, id(1)).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }));
    assert_eq!(reopened.kv().map.get(&key), snapshot.get(&key));
    assert_eq!(reopened.raw_dump().unwrap().get(&key).unwrap(), "{not json");
}

#[test]
fn data_from_a_newer_version_is_refused_untouched() {
    let mut kv = MemoryKv::default();
    kv.map.insert(META_KEY.into(), r#"{"version":99}"#.into());
    kv.map.insert(PROFILE_KEY.into(), r#"{"n":"Sam","future":true}"#.into());
    let before = kv.map.clone();
    let mut store = Store::new(kv);
    assert_eq!(
        store.load().unwrap_err(),
        StoreError::FutureVersion {
            found: 99,
            supported: 1
        }
    );
    assert_eq!(store.kv().map, before);
}

#[test]
fn data_without_its_version_entry_is_treated_as_unreadable() {
    let mut kv = MemoryKv::default();
    kv.map.insert(PROFILE_KEY.into(), r#"{"n":"Sam"}"#.into());
    kv.map.insert("other-app".into(), "x".into());
    let err = Store::new(kv).load().unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
}

#[test]
fn a_full_storage_keeps_the_change_pending_until_a_later_write_succeeds() {
    let mut data = full_data();
    let mut store = Store::new(MemoryKv::default());
    save_everything(&mut store, &data);
    let quota = store.kv().used() + 10;
    store.kv_mut().quota = Some(quota);

    let mut big = contact(3, "Carmen");
    big.notes = "x".repeat(5_000);
    data.contacts.insert(big.id, big);
    assert_eq!(
        store.save::<Contact>(&data, id(3)).unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert_eq!(store.pending_count(), 1);
    assert!(!Store::new(store.kv().clone())
        .load()
        .unwrap()
        .contacts
        .contains_key(&id(3)));

    // Room is made (the user deleted something elsewhere); the next save writes both.
    store.kv_mut().quota = None;
    data.contacts.get_mut(&id(2)).unwrap().notes = "hello".into();
    store.save::<Contact>(&data, id(2)).unwrap();
    assert_eq!(store.pending_count(), 0);
    assert_eq!(Store::new(store.kv().clone()).load().unwrap(), data);
}

#[test]
fn two_tabs_editing_different_contacts_in_one_shard_keep_both_edits() {
    let shared = SharedKv::default();
    let (mut tab_a, mut tab_b) = (Store::new(shared.clone()), Store::new(shared.clone()));
    // Ids 1 and 65 fall in the same of 64 shards.
    assert_eq!(shard_of(id(1), 64), shard_of(id(65), 64));
    let mut base = Data::default();
    base.contacts.insert(id(1), contact(1, "Ana"));
    base.contacts.insert(id(65), contact(65, "Bram"));
    save_everything(&mut tab_a, &base);

    let (mut data_a, mut data_b) = (tab_a.load().unwrap(), tab_b.load().unwrap());
    data_a.contacts.get_mut(&id(1)).unwrap().notes = "edited in A".into();
    data_b.contacts.get_mut(&id(65)).unwrap().notes = "edited in B".into();
    tab_a.save::<Contact>(&data_a, id(1)).unwrap();
    // Tab B saves before it has heard of A's change.
    tab_b.save::<Contact>(&data_b, id(65)).unwrap();

    let stored = Store::new(shared.clone()).load().unwrap();
    assert_eq!(stored.contacts[&id(1)].notes, "edited in A");
    assert_eq!(stored.contacts[&id(65)].notes, "edited in B");

    // The storage event then brings A's edit into B's memory, and B's into A's.
    let key = shard_key("c", shard_of(id(1), 64));
    assert!(tab_b.apply_external(&mut data_b, Some(&key)).unwrap());
    assert!(tab_a.apply_external(&mut data_a, Some(&key)).unwrap());
    assert_eq!(data_a, stored);
    assert_eq!(data_b, stored);
}

#[test]
fn a_delete_in_one_tab_reaches_the_other() {
    let shared = SharedKv::default();
    let (mut tab_a, mut tab_b) = (Store::new(shared.clone()), Store::new(shared.clone()));
    let mut data_a = full_data();
    save_everything(&mut tab_a, &data_a);
    let mut data_b = tab_b.load().unwrap();
    data_a.contacts.remove(&id(2));
    tab_a.save::<Contact>(&data_a, id(2)).unwrap();
    tab_b
        .apply_external(&mut data_b, Some(&shard_key("c", shard_of(id(2), 64))))
        .unwrap();
    assert!(!data_b.contacts.contains_key(&id(2)));
    assert_eq!(data_b, data_a);
}

#[test]
fn an_external_change_does_not_undo_a_pending_local_edit() {
    let shared = SharedKv::default();
    let (mut tab_a, mut tab_b) = (Store::new(shared.clone()), Store::new(shared.clone()));
    let mut data_a = full_data();
    save_everything(&mut tab_a, &data_a);
    let mut data_b = tab_b.load().unwrap();

    shared.0.borrow_mut().quota = Some(0);
    data_b.contacts.get_mut(&id(1)).unwrap().notes = "unsaved in B".into();
    assert!(tab_b.save::<Contact>(&data_b, id(1)).is_err());
    shared.0.borrow_mut().quota = None;

    data_a.contacts.get_mut(&id(1)).unwrap().role = "changed in A".into();
    tab_a.save::<Contact>(&data_a, id(1)).unwrap();
    tab_b
        .apply_external(&mut data_b, Some(&shard_key("c", shard_of(id(1), 64))))
        .unwrap();
    assert_eq!(data_b.contacts[&id(1)].notes, "unsaved in B");
}

#[test]
fn keys_of_other_apps_are_ignored_and_kept() {
    let mut store = Store::new(MemoryKv::default());
    store.kv_mut().map.insert("theme".into(), "dark".into());
    save_everything(&mut store, &full_data());
    store.erase_all().unwrap();
    assert_eq!(store.kv().map.keys().collect::<Vec<_>>(), vec!["theme"]);
}

#[test]
fn a_backup_round_trips_and_restores() {
    let data = full_data();
    let json = Backup::from_data(&data, at(99)).to_json();
    let parsed = Backup::parse(&json).unwrap();
    assert_eq!(parsed, data);

    let mut store = Store::new(MemoryKv::default());
    let mut other = Data::default();
    other.contacts.insert(id(77), contact(77, "Old"));
    save_everything(&mut store, &other);
    store.replace_all(&parsed).unwrap();
    assert_eq!(Store::new(store.kv().clone()).load().unwrap(), data);
}

#[test]
fn a_malformed_backup_says_what_is_wrong() {
    let err = Backup::parse("{\n\"app\": \"vouch\",\n").unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
    assert!(matches!(
        Backup::parse(r#"{"name":"x"}"#),
        Err(BackupError::NotABackup(_))
    ));
    assert_eq!(
        Backup::parse(r#"{"app":"vouch","version":7,"exported_at":0}"#),
        Err(BackupError::FutureVersion(7))
    );
    let data = full_data();
    let mut backup = Backup::from_data(&data, at(1));
    backup.contacts.retain(|c| c.id != id(1));
    assert_eq!(
        Backup::parse(&backup.to_json()),
        Err(BackupError::MissingContact(id(1)))
    );
}

/// The first stored shape, kept as a fixture: if a serde name changes, this test fails, and the
/// change needs a migration (see `store/migrate.rs`).
#[test]
fn version_1_fixture_loads() {
    let fixture = include_str!("../../tests/fixtures/storage-v1.json");
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(fixture).unwrap();
    let kv = MemoryKv {
        map,
        ..Default::default()
    };
    let loaded = Store::new(kv).load().unwrap();
    assert_eq!(loaded, before_the_pipeline_fields(full_data()));
}

/// `full_data` without the optional fields added after version 1 was pinned: the v1 fixture has
/// none of them, and must load with each at its default.
fn before_the_pipeline_fields(mut data: Data) -> Data {
    for ask in data.asks.values_mut() {
        ask.answered_on = None;
        ask.thanked_on = None;
        ask.last_follow_up_on = None;
        ask.later_follow_up = None;
        ask.eyes_open_on = None;
        ask.resume_sent_on = None;
        ask.questions_plan = false;
        ask.refers_internally = false;
    }
    for r in data.referrals.values_mut() {
        r.tips.clear();
        r.goal = None;
        r.stage_changed = None;
        r.meeting_on = None;
        r.closing = None;
        r.updates_sent.clear();
    }
    data
}

#[test]
fn a_storage_cleared_in_another_tab_reloads_but_keeps_pending_edits() {
    let shared = SharedKv::default();
    let (mut tab_a, mut tab_b) = (Store::new(shared.clone()), Store::new(shared.clone()));
    let data_a = full_data();
    save_everything(&mut tab_a, &data_a);
    let mut data_b = tab_b.load().unwrap();

    // B's edit can't be saved (storage full) and stays pending; then A starts over.
    shared.0.borrow_mut().quota = Some(0);
    data_b.contacts.get_mut(&id(2)).unwrap().notes = "only in B".into();
    assert!(tab_b.save::<Contact>(&data_b, id(2)).is_err());
    shared.0.borrow_mut().quota = None;
    tab_a.erase_all().unwrap();

    assert!(tab_b.apply_external(&mut data_b, None).unwrap());
    assert_eq!(
        data_b.contacts.keys().collect::<Vec<_>>(),
        vec![&id(2)],
        "only the pending edit survives"
    );
    assert_eq!(data_b.contacts[&id(2)].notes, "only in B");
    assert!(data_b.touchpoints.is_empty());
}

#[test]
fn unreadable_data_written_by_another_tab_leaves_memory_as_it_was() {
    let shared = SharedKv::default();
    let mut tab = Store::new(shared.clone());
    let mut data = full_data();
    save_everything(&mut tab, &data);
    let before = data.clone();
    let key = shard_key("c", shard_of(id(1), 64));
    shared.0.borrow_mut().map.insert(key.clone(), "garbage".into());
    assert!(matches!(
        tab.apply_external(&mut data, Some(&key)),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(
        tab.apply_external(&mut data, None),
        Err(StoreError::Corrupt { .. })
    ));
    assert_eq!(data, before);
}

#[test]
fn a_save_that_fails_halfway_leaves_storage_as_it_was() {
    let mut data = full_data();
    let mut store = Store::new(MemoryKv::default());
    save_everything(&mut store, &data);
    let before = store.kv().map.clone();

    // Contacts in many shards change at once (an import); room runs out part of the way through.
    for n in 100..300u128 {
        let mut c = contact(n, "Imported");
        // Text that does not compress, so the shards really grow.
        let mut x = n as u64 * 2_654_435_761;
        c.notes = (0..200)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                char::from(b'a' + (x >> 59) as u8)
            })
            .collect();
        data.contacts.insert(c.id, c);
    }
    store.kv_mut().quota = Some(store.kv().used() + 5_000);
    store.mark::<Contact>((100..300u128).map(id));
    assert_eq!(store.flush(&data).unwrap_err(), StoreError::QuotaExceeded);
    assert!(
        store.kv().written.len() > before.len() + 1,
        "some shards were written before the failure"
    );
    assert_eq!(store.kv().map, before, "every shard written is put back");
    assert_eq!(store.pending_count(), 200);

    store.kv_mut().quota = None;
    store.flush(&data).unwrap();
    assert_eq!(Store::new(store.kv().clone()).load().unwrap(), data);
}

#[test]
fn shards_out_of_id_order_and_an_id_in_two_shards_load_as_written() {
    // Vouch writes every shard in id order and each id in one shard; storage written otherwise (by
    // hand, or a fixture) still loads whole, and an id in two shards keeps the later shard's record.
    let names = load_shards(&[
        &[contact(9, "Ines"), contact(3, "Ana old"), contact(5, "Bo")],
        &[contact(3, "Ana new"), contact(1, "Cy")],
    ]);
    let expected = [(1, "Cy"), (3, "Ana new"), (5, "Bo"), (9, "Ines")];
    assert_eq!(names, expected.map(|(n, name)| (n, name.to_string())));
}

/// Loads contact shards written as plain JSON arrays (`vouch.c.00`, `vouch.c.01`, …): each
/// contact's id and name, in the loaded map's order.
fn load_shards(shards: &[&[Contact]]) -> Vec<(u128, String)> {
    let mut kv = MemoryKv::default();
    kv.map.insert(META_KEY.into(), r#"{"version":1}"#.into());
    for (n, contacts) in shards.iter().enumerate() {
        kv.map
            .insert(format!("vouch.c.{n:02x}"), serde_json::to_string(contacts).unwrap());
    }
    let data = Store::new(kv).load().unwrap();
    data.contacts
        .iter()
        .map(|(id, c)| (id.as_u128(), c.name.clone()))
        .collect()
}

#[test]
fn shards_in_id_order_load_into_one_order_and_a_repeated_id_keeps_the_later_shard() {
    let names = load_shards(&[
        &[contact(2, "Bo"), contact(4, "Di old"), contact(8, "Hal")],
        &[contact(1, "Al"), contact(4, "Di new")],
        &[contact(3, "Cy"), contact(9, "Ida")],
    ]);
    let expected = [(1, "Al"), (2, "Bo"), (3, "Cy"), (4, "Di new"), (8, "Hal"), (9, "Ida")];
    assert_eq!(names, expected.map(|(n, name)| (n, name.to_string())));
}
