//! Vouch: an offline-first referral helper. The pure core (`model`, `store`, `network`, `compose`,
//! `pipeline`, `import`, `export`) compiles and is tested natively; the browser shell (`app`, `ui`, `web`) exists only on wasm32.

pub mod case;
pub mod compose;
pub mod demo;
pub mod export;
pub mod import;
pub mod model;
pub mod network;
pub mod pipeline;
pub mod sort;
pub mod store;
pub mod sync;

#[doc(hidden)]
pub mod sample;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
