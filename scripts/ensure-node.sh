# Sourced (not run) by the scripts behind `npm start`, `npm test`, `npm run bench` and the stack commands:
# puts the Node.js named in .nvmrc first on PATH, so everything they start runs on it — npm itself too
# (its launcher is `#!/usr/bin/env node`), which is what makes `npm ci` check `engines` against it.
# The machine's Node is used when it has the same major version and is at least as new; otherwise the
# npm registry's node-linux-<arch> package (the official binary) is fetched once into the cache.

signaalhub_ensure_node() {
  local root wanted have binary arch dir partial
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  wanted="$(tr -d '[:space:]' < "$root/.nvmrc")"
  read -r have binary < <(node -p 'process.versions.node + " " + process.execPath' 2>/dev/null) || true
  if [[ -n "${have:-}" && "${have%%.*}" == "${wanted%%.*}" && "$(printf '%s\n%s\n' "$wanted" "$have" | sort -V | head -n1)" == "$wanted" ]]; then
    # Inside an npm script this `node` may be the node_modules/.bin link, which `npm ci` deletes: name its
    # binary's own folder on PATH, so the install and everything after it keep this Node.
    [[ "$(command -v node)" == "$binary" ]] || export PATH="$(dirname "$binary"):$PATH"
    return 0
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) arch=linux-x64 ;;
    Linux-aarch64) arch=linux-arm64 ;;
    *) echo "[node] Node.js $wanted is needed (found ${have:-none}); install it for $(uname -sm) yourself" >&2; return 1 ;;
  esac
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/signaalhub/node-v$wanted-$arch"
  if [[ ! -x "$dir/bin/node" ]]; then
    echo "[node] fetching Node.js $wanted (npm package node-$arch) into $dir"
    mkdir -p "$(dirname "$dir")"
    partial="$(mktemp -d "$dir.partial.XXXXXX")"
    # npm checks the tarball against the integrity recorded in the registry's metadata.
    if ! npm pack "node-$arch@$wanted" --pack-destination "$partial" --loglevel=error >/dev/null ||
      ! tar -xzf "$partial/node-$arch-$wanted.tgz" -C "$partial" ||
      [[ "$("$partial/package/bin/node" --version)" != "v$wanted" ]]; then
      echo "[node] could not fetch Node.js $wanted as npm package node-$arch@$wanted" >&2
      rm -rf "$partial"
      return 1
    fi
    # A rename, so a half-extracted copy is never used; a parallel run may have won the race.
    mv -T "$partial/package" "$dir" 2>/dev/null || true
    rm -rf "$partial"
  fi
  export PATH="$dir/bin:$PATH"
  echo "[node] Node.js $wanted from $dir"
}
signaalhub_ensure_node
unset -f signaalhub_ensure_node
