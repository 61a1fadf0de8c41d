//! Sync with a CouchDB-compatible server the user owns, as a pure core: how records become
//! documents (`docs`), revision ids and the winner rule (`rev`), the field-by-field merge (`merge`),
//! the compact per-document bookkeeping kept on this device (`meta`), the replicator itself
//! (`replicate`), a state machine that says which HTTP request to send next and digests the answer,
//! and the optional end-to-end encryption of the bodies on their way (`crypt`).
//! The browser only performs the requests (`web::sync`), so all of this is tested natively against
//! an in-memory model of the server.

pub mod crypt;
pub mod docs;
pub mod merge;
pub mod meta;
pub mod replicate;
pub mod rev;
pub mod scope;

#[cfg(test)]
mod crypt_tests;
#[cfg(test)]
mod device;
#[cfg(test)]
mod server;
#[cfg(test)]
mod tests;

pub use docs::{DocKey, LocalChange};
pub use meta::{DocMeta, History, MergeNote, Settings, SyncMeta};
pub use replicate::{Progress, Replicator, Report, Step, Transport};
pub use scope::PushScope;

/// An HTTP request relative to the database URL (`path` "" is the database itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub path: String,
    /// A JSON body, for POST and PUT.
    pub body: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
}

/// Why a sync stopped, in words a person can act on. The browser layer adds the cases only it can
/// see (the server can't be reached, CORS, an `http://` server from an `https://` page).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("the server refused the user name or password (401). Check them and try again.")]
    Unauthorized,
    #[error("this user may not read or write the database (403). Make them a member of it on the server.")]
    Forbidden,
    #[error("the database \"{0}\" does not exist and this user can't create it. Create it on the server, or check its name.")]
    NoDatabase(String),
    #[error("the server answered {status} to {what}: {reason}")]
    Server {
        status: u16,
        what: &'static str,
        reason: String,
    },
    #[error("the server's answer to {what} can't be read ({detail}). Is this a CouchDB server?")]
    BadAnswer { what: &'static str, detail: String },
    #[error("the server at {0} can't be reached. Check the address and that you are online.")]
    Unreachable(String),
    #[error(
        "the server at {0} answers, but does not let this page read its answers (CORS is not enabled). \
         On CouchDB, enable CORS with these settings in local.ini, then restart it: \
         [chttpd] enable_cors = true; [cors] origins = {1}, credentials = true, \
         methods = GET, PUT, POST, HEAD, DELETE, headers = accept, authorization, content-type, origin, referer"
    )]
    Cors(String, String),
    #[error(
        "this page is served over https, and browsers block it from talking to an http:// server. Use the server's https:// address."
    )]
    MixedContent,
    #[error("the server address must start with https:// or http://")]
    BadUrl,
    #[error("saving what was synced failed: {0}")]
    Save(String),
    #[error("this passphrase does not open the data on this server. Check it and try again; nothing was changed.")]
    WrongPassphrase,
    #[error("the data in \"{0}\" is encrypted end to end: enter its encryption passphrase to sync with it. Nothing was changed.")]
    EncryptedDatabase(String),
    #[error("the database \"{0}\" already holds documents that are not encrypted, and Vouch does not mix the two. To encrypt, use a new database name. Nothing was changed.")]
    PlainDatabase(String),
    #[error("enter the encryption passphrase again and save: this device keeps only the key made from it, and that is made on the first sync.")]
    PassphraseNeeded,
    #[error("this browser's encryption failed: {0}")]
    Crypto(String),
}

impl SyncError {
    /// An answer the sync did not expect, with the server's own reason (CouchDB's `reason`, else
    /// its `error`) from the parsed `body`.
    pub fn unexpected(status: u16, what: &'static str, body: &serde_json::Value) -> SyncError {
        let reason = body["reason"].as_str().or(body["error"].as_str()).unwrap_or("");
        SyncError::Server {
            status,
            what,
            reason: reason.to_string(),
        }
    }
}

/// "Last synced …" in words: "just now", "2 minutes ago", "3 hours ago", "on 2026-12-01".
pub fn synced_ago(now_ms: i64, then_ms: i64) -> String {
    let minutes = (now_ms - then_ms).max(0) / 60_000;
    match minutes {
        0 => "Last synced just now".to_string(),
        1 => "Last synced a minute ago".to_string(),
        2..=59 => format!("Last synced {minutes} minutes ago"),
        60..=119 => "Last synced an hour ago".to_string(),
        120..=1439 => format!("Last synced {} hours ago", minutes / 60),
        _ => match chrono::DateTime::from_timestamp_millis(then_ms) {
            Some(t) => format!("Last synced on {}", t.date_naive()),
            None => "Last synced a while ago".to_string(),
        },
    }
}

/// Whether `name` is a database name CouchDB accepts, so a typo is caught before a request.
pub fn valid_database_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn last_synced_reads_in_minutes_then_hours_then_the_date() {
        let m = 60_000;
        assert_eq!(synced_ago(10 * m, 10 * m), "Last synced just now");
        assert_eq!(synced_ago(12 * m, 10 * m), "Last synced 2 minutes ago");
        assert_eq!(synced_ago(200 * m, 10 * m), "Last synced 3 hours ago");
        assert_eq!(
            synced_ago(1_764_590_000_000, 1_764_500_000_000),
            "Last synced on 2025-11-30"
        );
    }

    #[test]
    fn database_names_follow_couchdbs_rule() {
        assert!(valid_database_name("vouch"));
        assert!(valid_database_name("vouch-laptop_2"));
        assert!(!valid_database_name("Vouch"));
        assert!(!valid_database_name("2vouch"));
        assert!(!valid_database_name(""));
    }
}
