//! The analysis worker, both sides of its boundary: every analysis runs in
//! a Web Worker, so large inputs never freeze the page, Cancel can terminate
//! it, and a crash in the core (a wasm trap) surfaces as an error message.
//!
//! - `worker.js` (this folder) is the worker script; it loads the wasm
//!   module and calls [`api`];
//! - [`api`]: the entry points the worker calls (they run in the worker);
//! - [`wire`]: the compact encoding the worker hands an analysis to the page in;
//! - the page's side, which starts the worker and its jobs, is [`crate::engine`].
//!
//! Protocol: `{id, kind: "analyze" | "extract", text, input}` →
//! `{id, ok, encoded?, text?, ms?, error?}` (`encoded`: the analysis in the
//! [`wire`] encoding, byte offsets).

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub mod api;
pub mod wire;
