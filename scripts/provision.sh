# Sourced by ./archive and ./test.sh: makes sure the .NET SDK and a Chromium are there, installing what is missing.
# Chromium is found in the same order the tool itself uses (see src/Archive.Core/Capture/BrowserLocator.cs):
# $ARCHIVE_CHROMIUM, Playwright's own installed browser (its headless shell first), then the system's
# chromium-headless-shell / chromium / chromium-browser / google-chrome. The headless shell is the lighter build for
# headless runs, so it is what gets installed; the full chromium is the fallback.

archive_log() { printf 'archive: %s\n' "$*" >&2; }

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    if [ -x "$HOME/.dotnet/dotnet" ]; then
      export PATH="$HOME/.dotnet:$PATH"
    else
      archive_log "the .NET SDK is not installed: install .NET 10 (https://dot.net, or 'apt-get install dotnet-sdk-10.0') and run this again."
      exit 3
    fi
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

find_chromium() {
  if [ -n "${ARCHIVE_CHROMIUM:-}" ]; then
    if [ -x "$ARCHIVE_CHROMIUM" ]; then echo "$ARCHIVE_CHROMIUM"; return 0; fi
    archive_log "ARCHIVE_CHROMIUM is set to '$ARCHIVE_CHROMIUM', which is not an executable file."
    return 1
  fi
  local cache="${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}" found
  found=$(ls -d "$cache"/chromium_headless_shell-*/chrome-headless-shell-linux64/chrome-headless-shell "$cache"/chromium_headless_shell-*/chrome-linux/headless_shell 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found" ]; then echo "$found"; return 0; fi
  found=$(ls -d "$cache"/chromium-*/chrome-linux*/chrome 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found" ]; then echo "$found"; return 0; fi
  for name in chromium-headless-shell chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
  return 1
}

# $1: the built archive.dll, whose 'browser install' runs Playwright's own installer.
ensure_chromium() {
  # A full chromium found on the system is used, but the lighter headless shell is added beside it when apt can
  # (tried once per checkout, so a machine without the package is not asked again on every run).
  local tried="${here:-.}/.archive/headless-shell-tried" found
  if found=$(find_chromium) && [ -z "${ARCHIVE_CHROMIUM:-}" ] && [ ! -e "$tried" ] \
     && [ "$(basename "$found")" = chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    mkdir -p "$(dirname "$tried")" && touch "$tried"
    archive_log "installing chromium-headless-shell, the lighter build for headless runs"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >&2 || true
  fi
  if find_chromium >/dev/null; then return 0; fi
  [ -n "${ARCHIVE_CHROMIUM:-}" ] && exit 3
  archive_log "no Chromium found; trying Playwright's installer"
  if [ -n "${1:-}" ] && timeout 300 dotnet "$1" browser install >&2 && find_chromium >/dev/null; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    archive_log "Playwright's download failed; installing Debian's chromium with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    # fonts-noto-cjk lets screenshots of Chinese and Japanese pages show their text.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >&2 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >&2 || true
    if find_chromium >/dev/null; then return 0; fi
  fi
  archive_log "could not install Chromium. Install one yourself ('sudo apt-get install chromium' on Debian/Ubuntu,"
  archive_log "or 'pwsh bin/playwright.ps1 install chromium'), or point ARCHIVE_CHROMIUM at a Chromium or Chrome binary."
  exit 3
}

# Independent web-archive readers the WARC/WACZ tests check our files with (tests only; the tool needs neither):
# ReplayWeb.page, to replay an exported WACZ in the browser, and warcio.js, to parse a capture's WARC and its
# digests. Both come from npm into .archive/tools; without npm the tests that need them say so and skip.
ensure_archive_readers() {
  local tools="${here:-.}/.archive/tools"
  command -v npm >/dev/null 2>&1 || { archive_log "npm not found: the tests that replay WACZ files in ReplayWeb.page and read WARCs with warcio.js will skip"; return 0; }
  mkdir -p "$tools"
  if [ ! -f "$tools/replaywebpage/ui.js" ]; then
    archive_log "fetching ReplayWeb.page 2.5.3 (npm) for the WACZ replay test"
    ( cd "$tools" && timeout 300 npm pack --silent replaywebpage@2.5.3 >/dev/null 2>&1 && rm -rf replaywebpage \
        && mkdir replaywebpage && tar xzf replaywebpage-2.5.3.tgz -C replaywebpage --strip-components=1 && rm -f replaywebpage-2.5.3.tgz ) \
      || archive_log "could not fetch ReplayWeb.page; the WACZ replay test will skip"
  fi
  if [ ! -f "$tools/node_modules/warcio/package.json" ]; then
    archive_log "fetching warcio.js 2.4.11 (npm) for the independent WARC reader test"
    ( cd "$tools" && timeout 300 npm install --silent --no-audit --no-fund --prefix "$tools" warcio@2.4.11 >/dev/null 2>&1 ) \
      || archive_log "could not fetch warcio.js; the independent WARC reader test will skip"
  fi
}
