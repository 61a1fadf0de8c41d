//! Vouch: an offline-first referral helper. The pure core (`model`, `store`) compiles and is tested
//! natively; the browser shell (`app`, `ui`, `web`) exists only on wasm32.

pub mod model;
pub mod pipeline;
pub mod store;
#[doc(hidden)]
pub mod sample;
