#!/usr/bin/env bash
# Licence check: every Rust dependency (normal, build and dev, all targets) and
# every npm package in the repository's package-lock.json files must carry a
# licence from the allow-list below. Works offline once dependencies are
# fetched: it reads `cargo metadata --offline` (falling back to an online
# `cargo metadata` when the registry cache is cold) and the npm lockfiles.
#
# If `cargo deny` is installed it also runs `cargo deny check licenses` with
# deny.toml (same allow-list); it is not installed automatically because
# building it takes far longer than this check on a small machine
# (`cargo install cargo-deny --locked` to opt in).
#
# Usage: bash scripts/check-licenses.sh [--list]   (--list prints every package)
set -euo pipefail
cd "$(dirname "$0")/.."

LIST=0
[[ "${1:-}" == "--list" ]] && LIST=1

# SPDX identifiers accepted for code shipped in or used to build Gloss:
# permissive licences only (no copyleft in the product).
RUST_ALLOW="MIT Apache-2.0 BSD-2-Clause BSD-3-Clause ISC Zlib 0BSD CC0-1.0 Unlicense BSL-1.0 Unicode-3.0 Unicode-DFS-2016 MIT-0"
# npm packages are development tools only (browser tests, benchmarks), never
# bundled; data licences such as caniuse-lite's CC-BY-4.0 are fine there.
NPM_ALLOW="$RUST_ALLOW CC-BY-4.0 Python-2.0 BlueOak-1.0.0"
# Exceptions accepted after a WITH.
EXCEPTIONS="LLVM-exception"

meta=$(mktemp)
trap 'rm -f "$meta"' EXIT
if ! cargo metadata --format-version 1 --locked --offline >"$meta" 2>/dev/null; then
  cargo metadata --format-version 1 --locked >"$meta"
fi

python3 - "$meta" "$RUST_ALLOW" "$NPM_ALLOW" "$EXCEPTIONS" "$LIST" <<'PY'
import glob, json, os, re, sys

meta_path, rust_allow, npm_allow, exceptions, list_all = sys.argv[1:6]
rust_allow, npm_allow = set(rust_allow.split()), set(npm_allow.split())
exceptions = set(exceptions.split())
list_all = list_all == "1"

def tokens(expr):
    # Legacy "MIT/Apache-2.0" means OR.
    expr = expr.replace("/", " OR ")
    return re.findall(r"\(|\)|[A-Za-z0-9.+:-]+", expr)

def allowed(expr, allow):
    """Evaluates an SPDX expression: true if some choice uses only allowed licences."""
    toks = tokens(expr)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def atom():
        t = take() if peek() else None
        if t == "(":
            v = disj()
            if peek() == ")":
                take()
            return v
        if t is None:
            return False
        ok = t.rstrip("+") in allow
        if peek() == "WITH":
            take()
            exc = take() if peek() else ""
            ok = ok and exc in exceptions
        return ok

    def conj():
        v = atom()
        while peek() == "AND":
            take()
            v = atom() and v
        return v

    def disj():
        v = conj()
        while peek() == "OR":
            take()
            v = conj() or v
        return v

    try:
        result = disj()
    except IndexError:
        return False
    return result and pos == len(toks)

failures = []
counts = {}

meta = json.load(open(meta_path))
workspace = set(meta.get("workspace_members", []))
for pkg in sorted(meta["packages"], key=lambda p: (p["name"], p["version"])):
    lic = pkg.get("license")
    name = f'{pkg["name"]} {pkg["version"]}'
    if lic is None:
        failures.append(f"cargo: {name}: no SPDX licence field (license-file: {pkg.get('license_file')})")
        continue
    counts[("cargo", lic)] = counts.get(("cargo", lic), 0) + 1
    if list_all:
        print(f"cargo  {name:40} {lic}")
    if not allowed(lic, rust_allow):
        failures.append(f"cargo: {name}: licence '{lic}' not in the allow-list")

# Every npm project in the repository (tests/, bench/, any other), found
# recursively outside node_modules/ and build output; each package.json that
# declares dependencies must come with a lockfile, or its packages would go
# unchecked.
SKIP_DIRS = {"node_modules", "target", "target-web", "dist", ".git"}
lockfiles, manifests = [], []
for root, dirs, files in os.walk("."):
    dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("target")]
    if "package-lock.json" in files:
        lockfiles.append(os.path.normpath(os.path.join(root, "package-lock.json")))
    if "package.json" in files:
        manifests.append(os.path.normpath(os.path.join(root, "package.json")))
for manifest in sorted(manifests):
    pj = json.load(open(manifest))
    deps = any(pj.get(k) for k in ("dependencies", "devDependencies", "optionalDependencies"))
    lock = os.path.join(os.path.dirname(manifest), "package-lock.json")
    if deps and not os.path.exists(lock):
        failures.append(f"npm: {manifest} declares dependencies but has no package-lock.json next to it")
print("workspace crates: " + ", ".join(sorted(p["name"] for p in meta["packages"] if p["id"] in workspace)))
print("npm lockfiles: " + (", ".join(sorted(lockfiles)) or "none"))
for lock in sorted(lockfiles):
    data = json.load(open(lock))
    for path, pkg in sorted(data.get("packages", {}).items()):
        if not path:
            continue  # the project itself
        name = f'{path.split("node_modules/")[-1]} {pkg.get("version", "?")}'
        lic = pkg.get("license")
        if isinstance(lic, dict):
            lic = lic.get("type")
        if not lic:
            # Lockfile v1 or a package without the field: read node_modules if present.
            pj = os.path.join(os.path.dirname(lock), path, "package.json")
            if os.path.exists(pj):
                lic = json.load(open(pj)).get("license")
        if not lic:
            failures.append(f"npm ({lock}): {name}: no licence recorded")
            continue
        counts[("npm", lic)] = counts.get(("npm", lic), 0) + 1
        if list_all:
            print(f"npm    {name:40} {lic}   ({lock})")
        if not allowed(lic, npm_allow):
            failures.append(f"npm ({lock}): {name}: licence '{lic}' not in the allow-list")

print("licences in use:")
for (kind, lic), n in sorted(counts.items()):
    print(f"  {kind:5} {n:4}  {lic}")
if failures:
    print(f"\n{len(failures)} licence problem(s):", file=sys.stderr)
    for f in failures:
        print("  " + f, file=sys.stderr)
    sys.exit(1)
total = sum(counts.values())
print(f"licence check passed: {total} packages, all in the allow-list")
PY

if command -v cargo-deny >/dev/null 2>&1 && [[ -f deny.toml ]]; then
  cargo deny --offline check licenses
fi
