#!/usr/bin/env bash
# Downloads and checks an official small Vosk model for callqa.
#
#   scripts/fetch-vosk-model.sh en|ko [--dir DIR] [--sha256 HEX]
#
# en: vosk-model-small-en-us-0.15 (about 40 MB), ko: vosk-model-small-ko-0.22 (about 80 MB),
# from the Vosk models page (https://alphacephei.com/vosk/models). The model is unpacked into
# DIR (default: models/ in the callqa checkout) and checked: the zip must be intact and the
# folder must hold a Vosk model (am/final.mdl, conf/). Vosk publishes no checksums, so the
# script prints the archive's SHA-256; pass it back with --sha256 (or CALLQA_VOSK_SHA256) to pin
# the exact file on other machines. Then run callqa with --model DIR/<name> or set
# CALLQA_VOSK_MODEL.
set -euo pipefail

usage() {
  echo "usage: $0 en|ko [--dir DIR] [--sha256 HEX]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
lang=$1
shift
case "$lang" in
  en) name=vosk-model-small-en-us-0.15 ;;
  ko) name=vosk-model-small-ko-0.22 ;;
  *) echo "$0: unknown language '$lang'; use en or ko" >&2; exit 2 ;;
esac

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$home/models"
want_sha="${CALLQA_VOSK_SHA256:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir=${2:?--dir needs a directory}; shift 2 ;;
    --sha256) want_sha=${2:?--sha256 needs a hex digest}; shift 2 ;;
    *) usage ;;
  esac
done

for tool in curl unzip sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is missing (apt-get install $tool)" >&2; exit 4; }
done

url="https://alphacephei.com/vosk/models/$name.zip"
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "Downloading $url"
if ! curl -fL --retry 3 --connect-timeout 20 -o "$tmp/$name.zip" "$url"; then
  echo "$0: could not download $url. Check the network (the Vosk site must be reachable), or" >&2
  echo "download the zip by hand and unpack it into $dir." >&2
  exit 4
fi

sha=$(sha256sum "$tmp/$name.zip" | cut -d' ' -f1)
if [[ -n "$want_sha" && "$sha" != "$want_sha" ]]; then
  echo "$0: $name.zip has SHA-256 $sha, expected $want_sha; not installing it." >&2
  exit 3
fi
unzip -tq "$tmp/$name.zip" >/dev/null || { echo "$0: $name.zip is corrupt; try again." >&2; exit 3; }
unzip -q "$tmp/$name.zip" -d "$tmp/unpacked"
if [[ ! -f "$tmp/unpacked/$name/am/final.mdl" || ! -d "$tmp/unpacked/$name/conf" ]]; then
  echo "$0: $name.zip does not hold a Vosk model folder ($name/am/final.mdl, $name/conf/)." >&2
  exit 3
fi
rm -rf "${dir:?}/$name"
mv "$tmp/unpacked/$name" "$dir/$name"

echo "Installed $dir/$name"
echo "SHA-256 of $name.zip: $sha (pin it with --sha256 on other machines)"
echo "Use it: bin/callqa ... --model $dir/$name   or   export CALLQA_VOSK_MODEL=$dir/$name"
