//! End-to-end encryption through the model server: what the server holds, a second device with the
//! same passphrase, merges on sealed documents, and the refusals (wrong passphrase, no passphrase,
//! plain documents already there) before anything is applied.

use super::crypt::testing::{block_on, TestCipher};
use super::crypt::{AsyncTransport, DerivedKey, Mode, Sealed, PARAMS_ID};
use super::device::Device;
use super::server::{Link, MemServer};
use super::*;
use crate::model::{Contact, Id, Stamp};

impl AsyncTransport for Link<'_> {
    async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        Transport::send(self, request)
    }
}

impl Device {
    fn add_at(&mut self, n: u128, name: &str, company: &str) {
        let mut c = Contact::new(Id::from_u128(n), name, Stamp::from_millis(10));
        c.company = company.into();
        self.data.contacts.insert(c.id, c);
    }

    fn contact(&self, n: u128) -> &Contact {
        &self.data.contacts[&Id::from_u128(n)]
    }

    /// One sync as `web::sync::run` drives it, through `Sealed`: the report and a key derived.
    fn sync_sealed(&mut self, server: &mut MemServer, mode: Mode) -> Result<(Report, Option<DerivedKey>), SyncError> {
        let mut link = Sealed::new(Link::new(server), TestCipher::default(), mode, "test");
        let mut replicator = Replicator::new("test", 1_000);
        let mut response = None;
        block_on(async {
            loop {
                match replicator.step(response.take(), &self.data, &mut self.meta)? {
                    Step::Send(request) => response = Some(link.send(&request).await?),
                    Step::Apply(change) => {
                        change.apply(&mut self.data);
                    }
                    Step::Done(report) => return Ok((report, link.take_derived())),
                }
            }
        })
    }
}

fn passphrase(p: &str) -> Mode {
    Mode::Passphrase(p.to_string())
}

/// Everything the server holds and was sent, as text.
fn server_text(server: &MemServer) -> String {
    let bodies: Vec<String> = server
        .live_ids()
        .iter()
        .map(|id| format!("{id} {:?}", server.winner_body(id)))
        .collect();
    format!("{bodies:?} {:?}", server.bulk_docs)
}

#[test]
fn an_encrypted_sync_leaves_no_plaintext_on_the_server_and_a_second_device_reads_it_all() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add_at(1, "Ana Berg", "Maersk");
    a.data.profile.name = "Sam Quist".into();
    let (report, key_a) = a.sync_sealed(&mut server, passphrase("correct horse")).unwrap();
    assert_eq!(report.pushed, 2);
    let key_a = key_a.expect("the first sync derives the key");

    for id in server.live_ids().iter().filter(|id| *id != PARAMS_ID) {
        let body = server.winner_body(id).unwrap();
        assert_eq!(body.keys().collect::<Vec<_>>(), ["data", "vouch_enc"], "{id}");
    }
    let text = server_text(&server);
    for plain in ["Ana Berg", "Maersk", "Sam Quist"] {
        assert!(!text.contains(plain), "the server saw {plain}");
    }

    let (report, key_b) = b.sync_sealed(&mut server, passphrase("correct horse")).unwrap();
    assert_eq!(report.pulled, 2);
    assert_eq!(b.data, a.data);
    assert_eq!(
        key_b,
        Some(key_a.clone()),
        "the same salt from the server, the same key"
    );
    // Later syncs use the key kept, and find nothing to do.
    assert_eq!(
        a.sync_sealed(&mut server, Mode::Key(key_a.clone())).unwrap(),
        (Report::default(), None)
    );
    assert_eq!(
        b.sync_sealed(&mut server, Mode::Key(key_a)).unwrap(),
        (Report::default(), None)
    );
}

#[test]
fn two_devices_editing_an_encrypted_contact_offline_end_with_one_merged_contact() {
    let mut server = MemServer::new();
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.add_at(1, "Ana Berg", "Maersk");
    let key = a.sync_sealed(&mut server, passphrase("pw")).unwrap().1.unwrap();
    b.sync_sealed(&mut server, Mode::Key(key.clone())).unwrap();

    let edit = |d: &mut Device, at: i64, f: &dyn Fn(&mut Contact)| {
        let c = d.data.contacts.get_mut(&Id::from_u128(1)).unwrap();
        f(c);
        c.updated = Stamp::from_millis(at);
    };
    edit(&mut a, 50, &|c| c.company = "DSV".into());
    edit(&mut b, 60, &|c| c.role = "Head of logistics".into());
    a.sync_sealed(&mut server, Mode::Key(key.clone())).unwrap();
    let (report, _) = b.sync_sealed(&mut server, Mode::Key(key.clone())).unwrap();
    assert_eq!(report.merges.len(), 1);
    a.sync_sealed(&mut server, Mode::Key(key)).unwrap();
    for d in [&a, &b] {
        let ana = d.contact(1);
        assert_eq!((ana.company.as_str(), ana.role.as_str()), ("DSV", "Head of logistics"));
    }
    assert!(server
        .conflicts(&DocKey::Record("c", Id::from_u128(1)).doc_id())
        .is_empty());
    assert!(!server_text(&server).contains("Head of logistics"));
}

#[test]
fn a_wrong_passphrase_is_refused_before_anything_is_applied_or_sent() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add_at(1, "Ana Berg", "Maersk");
    a.sync_sealed(&mut server, passphrase("correct horse")).unwrap();

    let mut c = Device::new("c");
    c.add_at(2, "Bo Li", "Volvo");
    let before = c.data.clone();
    server.log.clear();
    assert_eq!(
        c.sync_sealed(&mut server, passphrase("wrong horse")),
        Err(SyncError::WrongPassphrase)
    );
    assert_eq!(c.data, before);
    assert!(c.meta.is_empty());
    assert_eq!(
        server.log,
        ["GET ", "GET vouch-encryption"],
        "no document was read or written"
    );
    assert!(SyncError::WrongPassphrase
        .to_string()
        .contains("this passphrase does not open the data on this server"));
}

#[test]
fn a_device_without_a_passphrase_is_told_the_database_is_encrypted() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add_at(1, "Ana Berg", "Maersk");
    a.sync_sealed(&mut server, passphrase("pw")).unwrap();

    let mut b = Device::new("b");
    b.add_at(2, "Bo Li", "Volvo");
    assert_eq!(
        b.sync_sealed(&mut server, Mode::Off),
        Err(SyncError::EncryptedDatabase("test".into()))
    );
    assert_eq!(b.data.contacts.len(), 1);
    assert!(!server_text(&server).contains("Bo Li"));
}

#[test]
fn a_passphrase_is_refused_by_a_database_that_holds_plain_documents() {
    let mut server = MemServer::new();
    let mut a = Device::new("a");
    a.add_at(1, "Ana Berg", "Maersk");
    a.sync_sealed(&mut server, Mode::Off).unwrap();

    let mut b = Device::new("b");
    assert_eq!(
        b.sync_sealed(&mut server, passphrase("pw")),
        Err(SyncError::PlainDatabase("test".into()))
    );
    assert!(b.data.contacts.is_empty());
    assert_eq!(server.winner_body(PARAMS_ID), None, "no parameters were written");
    assert!(SyncError::PlainDatabase("test".into())
        .to_string()
        .contains("use a new database name"));
}

#[test]
fn a_device_with_its_key_sets_up_an_emptied_database_again_with_the_same_salt() {
    let mut old = MemServer::new();
    let mut a = Device::new("a");
    a.add_at(1, "Ana Berg", "Maersk");
    let key = a.sync_sealed(&mut old, passphrase("pw")).unwrap().1.unwrap();

    let mut server = MemServer::new();
    a.meta = SyncMeta::new("a".into());
    a.sync_sealed(&mut server, Mode::Key(key.clone())).unwrap();
    let mut b = Device::new("b");
    assert_eq!(b.sync_sealed(&mut server, passphrase("pw")).unwrap().1, Some(key));
    assert_eq!(b.data, a.data);
}
