//! The analysis worker, both sides of its boundary: every analysis runs in
//! a Web Worker, so large inputs never freeze the page, Cancel can terminate
//! it, and a crash in the core (a wasm trap) surfaces as an error message.
//!
//! - `worker.js` (this folder) is the worker script: it downloads the
//!   engine (the `gloss-engine` wasm module, `main.rs` here) with progress,
//!   then runs jobs;
//! - [`api`]: what the engine does (analysis, HTML extraction), exported to
//!   the worker by `main.rs`;
//! - [`wire`]: the compact encoding the worker hands an analysis to the page in;
//! - the page's side, which starts the worker and its jobs, is [`crate::engine`].
//!
//! Protocol. Page → worker: `{id, kind: "analyze" | "extract", text, input}`,
//! or `{id, kind: "export", text: <encoded result>, input: "json" |
//! "markdown" | "html", corrections: <encoded corrections>}` (answered with `text`).
//! Worker → page: `{progress: true, loaded, total}` while the engine
//! downloads, `{ready: true}` once it can analyse (or `{ready: false, error}`),
//! then one reply per job, `{id, ok, encoded?, text?, ms?, error?}`
//! (`encoded`: the result in the [`wire`] encoding, byte offsets). Jobs sent
//! before the engine is ready wait in the worker and run when it is.

pub mod api;
pub mod exports;
pub mod wire;
