//! Mounts the app. Everything else lives in the library so tests can mount its components.

fn main() {
    #[cfg(target_arch = "wasm32")]
    vouch::app::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Vouch runs in the browser: `make serve`, then open http://127.0.0.1:8080");
}
