//! Sync with a CouchDB-compatible server the user owns, as a pure core: how records become
//! documents (`docs`), revision ids and the winner rule (`rev`), the field-by-field merge (`merge`),
//! the compact per-document bookkeeping kept on this device (`meta`), and the replicator itself
//! (`replicate`), a state machine that says which HTTP request to send next and digests the answer.
//! The browser only performs the requests (`web::sync`), so all of this is tested natively against
//! an in-memory model of the server.

pub mod docs;
pub mod merge;
pub mod meta;
pub mod replicate;
pub mod rev;

#[cfg(test)]
mod server;
#[cfg(test)]
mod tests;

pub use docs::{DocKey, LocalChange};
pub use meta::{DocMeta, History, MergeNote, Settings, SyncMeta};
pub use replicate::{Progress, Replicator, Report, Step, Transport};

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
}
