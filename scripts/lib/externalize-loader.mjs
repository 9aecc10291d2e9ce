// Moves trunk's inline <script type="module"> loader out of dist/index.html
// into dist/boot.js, so the Content-Security-Policy can forbid inline script
// (script-src 'self'). Usage: node scripts/lib/externalize-loader.mjs dist
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const bodies = [];
html = html.replace(inline, (_, body) => {
  bodies.push(body.trim());
  return '';
});
if (bodies.length === 0 && !html.includes('boot.js')) {
  console.error('externalize-loader: no inline module script found in ' + indexPath);
  process.exit(1);
}
if (bodies.length > 0) {
  writeFileSync(join(dist, 'boot.js'), bodies.join('\n') + '\n');
  html = html.replace('</head>', '<script type="module" src="./boot.js"></script>\n</head>');
}
if (/<script(?![^>]*\bsrc=)[^>]*>[^<]/.test(html)) {
  console.error('externalize-loader: inline script left in ' + indexPath);
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`externalize-loader: ${bodies.length} inline loader(s) moved to boot.js`);
