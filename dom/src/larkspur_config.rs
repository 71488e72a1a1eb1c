//! Leptos 0.6's `leptos_config` types, for code that names them (a
//! component library's build helper taking `&LeptosOptions`, say).
//! They configure `cargo-leptos` and a server, which a client-side app
//! has neither of: nothing in Larkspur reads them, and `get_configuration`
//! (which reads `Cargo.toml` from disk) is not provided.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// Where and how a Leptos 0.6 site is built and served, with 0.6's public
/// fields and defaults.
///
/// ```
/// use larkspur::LeptosOptions;
///
/// let options = LeptosOptions {
///     output_name: "app".into(),
///     ..Default::default()
/// };
/// assert_eq!(options.site_pkg_dir, "pkg");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeptosOptions {
    /// The name of the built files (`app.js`, `app_bg.wasm`).
    pub output_name: String,
    /// The folder the site is built into (`target/site`).
    pub site_root: String,
    /// The folder under `site_root` for the wasm and JS (`pkg`).
    pub site_pkg_dir: String,
    /// The build environment.
    pub env: Env,
    /// The server's address (`127.0.0.1:3000`).
    pub site_addr: SocketAddr,
    /// The live-reload port (`3001`).
    pub reload_port: u32,
    /// The live-reload port seen from outside a proxy.
    pub reload_external_port: Option<u32>,
    /// The live-reload websocket protocol.
    pub reload_ws_protocol: ReloadWSProtocol,
    /// The path of the not-found page (`/404`).
    pub not_found_path: String,
    /// The file of built-file hashes (`hash.txt`).
    pub hash_file: String,
    /// Whether built file names carry hashes.
    pub hash_files: bool,
}

impl Default for LeptosOptions {
    fn default() -> Self {
        LeptosOptions {
            output_name: String::new(),
            site_root: "target/site".into(),
            site_pkg_dir: "pkg".into(),
            env: Env::DEV,
            site_addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 3000),
            reload_port: 3001,
            reload_external_port: None,
            reload_ws_protocol: ReloadWSProtocol::WS,
            not_found_path: "/404".into(),
            hash_file: "hash.txt".into(),
            hash_files: false,
        }
    }
}

/// A build environment, as Leptos 0.6 names them.
///
/// ```
/// assert_eq!(larkspur::larkspur_config::Env::default(), larkspur::larkspur_config::Env::DEV);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum Env {
    /// A release build.
    PROD,
    /// A development build.
    #[default]
    DEV,
}

/// The live-reload websocket's protocol, as Leptos 0.6 names them.
///
/// ```
/// use larkspur::larkspur_config::ReloadWSProtocol;
/// assert_eq!(ReloadWSProtocol::default(), ReloadWSProtocol::WS);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum ReloadWSProtocol {
    /// `ws://`.
    #[default]
    WS,
    /// `wss://`.
    WSS,
}
