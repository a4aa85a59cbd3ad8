#!/usr/bin/env bash
# Generates the Care Hotline prompts from prompts.tsv (columns: name, zh, en):
#   dialplan/sounds/zh/hotline/<name>.wav   Mandarin (espeak-ng)
#   dialplan/sounds/en/hotline/<name>.wav   English  (espeak-ng)
# as 8000 Hz, mono, 16-bit signed PCM WAV (Asterisk's native slin format),
# then checks every file and prints a table of durations.
# Idempotent: the same input gives the same files. Runs from any directory.
# Recorded human voices can replace any file later (same name and format).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tsv="$here/prompts.tsv"
sounds="$(cd "$here/.." && pwd)/sounds"

missing=()
for tool in espeak-ng sox soxi; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]}. Install with: apt-get install espeak-ng sox" >&2
  exit 1
fi

# Mandarin voice. In espeak-ng 1.51 the plain "cmn" voice reads the pinyin of
# its own dictionary with English rules ("nin two hao three"); the
# cmn-latn-pinyin voice reads the same characters as Mandarin.
zh_voice=cmn
if espeak-ng --voices=cmn | grep -q 'cmn-Latn-pinyin'; then
  zh_voice=cmn-latn-pinyin
fi
en_voice=en
zh_speed=170   # about 3.5 syllables a second with pauses: calm, clear, not tedious
en_speed=150   # words per minute

mkdir -p "$sounds/zh/hotline" "$sounds/en/hotline"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# speak VOICE SPEED TEXT OUT
speak() {
  local voice=$1 speed=$2 text=$3 out=$4
  printf '%s' "$text" | espeak-ng -v "$voice" -s "$speed" --stdin -w "$tmp/raw.wav"
  # 8 kHz mono 16-bit, peak at -3 dBFS, 0.1 s of silence before, 0.2 s after;
  # -D -R: no random dither, so the same text always gives the same bytes.
  sox -D -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$tmp/out.wav" norm -3 pad 0.1 0.2
  mv -f "$tmp/out.wav" "$out"
}

names=()
line_no=0
while IFS=$'\t' read -r name zh en || [[ -n "${name:-}" ]]; do
  line_no=$((line_no + 1))
  ((line_no == 1)) && continue              # header: name zh en
  name=${name%$'\r'}; zh=${zh%$'\r'}; en=${en%$'\r'}
  [[ -z "$name" ]] && continue
  if [[ ! "$name" =~ ^[a-z0-9-]+$ || -z "$zh" || -z "$en" ]]; then
    echo "prompts.tsv line $line_no: need name<TAB>zh<TAB>en, name in [a-z0-9-]" >&2
    exit 1
  fi
  # Mandarin text must not fall back to another language's rules.
  phonemes=$(espeak-ng -v "$zh_voice" -q -x "$zh")
  if [[ "$phonemes" == *"(en)"* ]]; then
    echo "warning: $name: espeak-ng voice $zh_voice reads part of the zh text as English" >&2
  fi
  speak "$zh_voice" "$zh_speed" "$zh" "$sounds/zh/hotline/$name.wav"
  speak "$en_voice" "$en_speed" "$en" "$sounds/en/hotline/$name.wav"
  names+=("$name")
done < "$tsv"

# Check: 8000 Hz, 1 channel, 16-bit, longer than 0.5 s.
bad=0
printf '%-32s %8s %8s\n' name "zh (s)" "en (s)"
for name in "${names[@]}"; do
  row=()
  for lang in zh en; do
    f="$sounds/$lang/hotline/$name.wav"
    rate=$(soxi -r "$f"); chans=$(soxi -c "$f"); bits=$(soxi -b "$f"); dur=$(soxi -D "$f")
    if [[ "$rate" != 8000 || "$chans" != 1 || "$bits" != 16 ]] || ! awk -v d="$dur" 'BEGIN { exit !(d > 0.5) }'; then
      echo "BAD $f: ${rate} Hz, ${chans} ch, ${bits} bit, ${dur} s" >&2
      bad=1
    fi
    row+=("$(printf '%.2f' "$dur")")
  done
  printf '%-32s %8s %8s\n' "$name" "${row[0]}" "${row[1]}"
done
echo "${#names[@]} prompts written to $sounds/{zh,en}/hotline"
exit "$bad"
