# Sourced by the other scripts: PATH and flags for the wasm build in the mode setup.sh chose.
# shellcheck shell=bash
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
WASM_MODE=$(cat .tools/wasm-mode 2>/dev/null || echo rustup)
WASM_PACK_FLAGS=()
wasm_env=()
release_env=()
if [ "$WASM_MODE" = debian ]; then
  # Debian's rustc-web: std built from source for wasm32, linked with wasm-ld (TOOLCHAIN.md).
  wasm_env=(PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR="$PWD/target/debian")
  # The release build drops the panic formatting machinery (the code never relies on panics).
  release_env=(RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort")
  WASM_PACK_FLAGS=(--mode force)
fi
if [ "$WASM_MODE" = rustup ] && [ "$(cat .tools/wasm-release 2>/dev/null)" = build-std ]; then
  # The release build only: std compiled from rust-src with panic=immediate-abort (setup.sh), in a
  # target directory of its own so that it and the test builds do not invalidate each other.
  release_env=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" CARGO_TARGET_DIR="$PWD/target/build-std")
fi
# Runs a command with the wasm build environment (only wasm commands: native cargo stays as is).
with_wasm_env() { env "${wasm_env[@]}" "$@"; }
with_wasm_release_env() { env "${wasm_env[@]}" "${release_env[@]}" "$@"; }
