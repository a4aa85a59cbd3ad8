#!/usr/bin/env bash
# Generates the ringback a caller hears while a counselor's phone rings (after the
# "connecting you" announcement of the music classes in musiconhold_hotline.conf):
#   dialplan/moh/hotline-ringback/ringback.ulaw
# China's ringback tone (YD/T 1277): 450 Hz, 1 s on, 4 s off; 40 s of it, so that
# the announcement, which Asterisk also plays between files, comes once per ring.
# 8000 Hz mono mu-law, a format Asterisk plays without transcoding on G.711 trunks.
# Idempotent; runs from any directory. Needs sox (apt-get install sox).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v sox >/dev/null 2>&1 || { echo "missing: sox. Install with: apt-get install sox" >&2; exit 1; }
out="$here/hotline-ringback/ringback.ulaw"
mkdir -p "$(dirname "$out")"
sox -n -r 8000 -c 1 -t ul "$out" synth 1 sine 450 vol 0.35 pad 0 4 repeat 7
echo "$out: $(stat -c %s "$out") bytes ($(( $(stat -c %s "$out") / 8000 )) s)"
