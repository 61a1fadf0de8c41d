//! The backup download, offered by Settings and by the save banner when a save fails.

use crate::app::{AppState, Toast};
use crate::store::Backup;
use crate::web;

/// Downloads everything as one readable JSON file.
pub fn download_backup(app: AppState) {
    let json = app.data.with_untracked(|d| Backup::from_data(d, web::now()).to_json());
    if !web::download(&web::dated_filename("vouch-backup", "json"), "application/json", &json) {
        app.show_toast(Toast {
            message: "The browser refused the download.".into(),
            undo: None,
        });
    }
}
