// Gloss boot script: runs on the static first paint, before any wasm.
// It puts back the saved text and colour scheme at once, remembers Explain or
// "Try the sample" pressed before the app is running (the app then does it),
// registers the service worker that keeps the site usable offline, and starts
// the app. scripts/build-site.sh writes the app's hashed file names in place
// of ./gloss-app.js and ./gloss-app_bg.wasm, and gives this file a hashed name.
const root = document.documentElement;
try {
  const theme = localStorage.getItem('gloss.theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  const input = document.getElementById('article-input');
  const saved = localStorage.getItem('gloss.text');
  if (input && !input.value && saved) input.value = saved;
} catch {
  // Storage may be disabled; the page works without it.
}

const buttons = ['explain', 'try-sample'].map((id) => document.getElementById(id)).filter(Boolean);
for (const button of buttons) {
  button.addEventListener('click', () => {
    if (window.glossPending) return;
    window.glossPending = button.id;
    for (const b of buttons) b.disabled = true;
    const status = document.getElementById('engine-status');
    if (status) status.textContent = 'Starting Gloss… your article is explained as soon as it has loaded.';
  });
}

// The offline copy is made once the engine has loaded, so the service worker
// finds every file in the HTTP cache instead of downloading the engine twice;
// <html data-offline="ready"> then shows the footer's "works offline" note.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const register = () =>
    navigator.serviceWorker
      .register('./sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        root.dataset.offline = 'ready';
      })
      .catch(() => {
        // No offline copy (private mode, or the host does not allow it).
      });
  if (root.dataset.engine === 'ready') register();
  else {
    new MutationObserver((_, observer) => {
      if (root.dataset.engine === 'ready') {
        observer.disconnect();
        register();
      }
    }).observe(root, { attributes: true, attributeFilter: ['data-engine'] });
  }
}

const { default: init } = await import('./gloss-app.js');
await init({ module_or_path: './gloss-app_bg.wasm' });
