//! Taking the network out of Vouch: a spreadsheet for Excel and Google Sheets (`csv`) and an
//! address book any phone or mail app reads (`vcard`). Pure text builders; the browser shell only
//! offers the result as a download.

mod csv;
mod vcard;

pub use csv::contacts_csv;
pub use vcard::contacts_vcard;

use crate::model::{Contact, Data};
use crate::network::fold;

/// The media type the CSV is offered with; the charset tells browsers not to guess.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";
/// The media type of a vCard file (RFC 6350 §10.1).
pub const VCARD_MIME: &str = "text/vcard;charset=utf-8";

/// Contacts in the order a person scans a list: by folded name, then id so that two people of the
/// same name always come out in the same order.
fn by_name(data: &Data) -> Vec<&Contact> {
    let mut contacts: Vec<(String, &Contact)> = data.contacts.values().map(|c| (fold(&c.name), c)).collect();
    crate::sort::sort_by(&mut contacts, |(a_name, a), (b_name, b)| {
        a_name.cmp(b_name).then_with(|| a.id.cmp(&b.id))
    });
    contacts.into_iter().map(|(_, c)| c).collect()
}
