#!/usr/bin/env bash
# Draws evening-social.jpg, the one raster "photo" in the sample post: lights
# along the river at dusk, out of focus the way a phone camera sees them. The
# result is committed, so run this only after changing it:
#
#   data/sample/make-photos.sh
#
# It needs ImageMagick's convert. The random lights are seeded, so the same
# ImageMagick version draws the same picture.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v convert >/dev/null; then
  echo "make-photos.sh: ImageMagick's convert is missing; install the imagemagick package" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

width=1600
height=900
horizon=540

# The sky fades from night blue into the last of the sunset; the river below
# it is darker and cooler.
convert -size "${width}x${horizon}" gradient:'#0d1636'-'#d8744a' "$tmp/sky.png"
convert -size "${width}x$((height - horizon))" gradient:'#3b2a45'-'#070b1c' "$tmp/river.png"
convert "$tmp/sky.png" "$tmp/river.png" -append "$tmp/base.png"

# The far bank: a skyline of blocks and a hill with a tower on it, a little
# out of focus like everything else in the frame.
skyline="polygon 0,$horizon 0,470 60,470 60,440 130,440 130,480 180,480 180,420"
skyline+=" 240,420 240,460 300,460 300,400 330,380 360,400 360,470 430,470 430,430"
skyline+=" 520,430 520,470 600,470 640,420 760,390 880,410 940,440 1000,440 1000,410"
skyline+=" 1060,410 1060,380 1075,300 1090,380 1090,430 1160,430 1160,460 1240,460"
skyline+=" 1240,425 1320,425 1320,470 1400,470 1400,445 1480,445 1480,470 1600,470"
skyline+=" 1600,$horizon"
convert "$tmp/base.png" -fill '#141a30' -draw "$skyline" \
  -fill '#0f1426' -draw "rectangle 0,$((horizon - 8)) $width,$((horizon + 6))" \
  -blur 0x4 "$tmp/scene.png"

# Out-of-focus lights on the far bank and along the promenade: a seeded
# sequence of discs, blurred into bokeh.
RANDOM=2026
colours=('#ffd27a' '#ffb35c' '#fff1c4' '#ff8f5a' '#8fd6ff' '#ffe08a')
lights=()
for _ in $(seq 1 70); do
  x=$((RANDOM % width))
  y=$((380 + RANDOM % 170))
  r=$((6 + RANDOM % 22))
  c=${colours[$((RANDOM % ${#colours[@]}))]}
  lights+=(-fill "$c" -draw "circle $x,$y $((x + r)),$y")
done
for _ in $(seq 1 14); do
  x=$((RANDOM % width))
  y=$((120 + RANDOM % 300))
  r=$((30 + RANDOM % 40))
  c=${colours[$((RANDOM % ${#colours[@]}))]}
  lights+=(-fill "$c" -draw "circle $x,$y $((x + r)),$y")
done
convert -size "${width}x${height}" xc:none "${lights[@]}" -channel A -evaluate multiply 0.75 \
  +channel -blur 0x7 "$tmp/lights.png"

# The river mirrors the lights, stretched and smeared by the ripples.
convert "$tmp/lights.png" -crop "${width}x${horizon}+0+0" +repage -flip \
  -resize "${width}x$((horizon / 2))!" -motion-blur 0x24+90 \
  -channel A -evaluate multiply 0.55 +channel \
  -background none -gravity north -extent "${width}x$((height - horizon))" \
  "$tmp/reflection.png"

convert "$tmp/scene.png" \
  "$tmp/lights.png" -compose screen -composite \
  "$tmp/reflection.png" -gravity northwest -geometry "+0+$horizon" -compose screen -composite \
  "$tmp/lit.png"

# A soft vignette and a little sensor grain make it read as a photograph.
convert -size "${width}x${height}" radial-gradient:'#ffffff'-'#5a5a5a' \
  -resize "${width}x${height}!" "$tmp/vignette.png"
convert "$tmp/lit.png" "$tmp/vignette.png" -compose multiply -composite \
  -seed 7 -attenuate 0.35 +noise Gaussian \
  -strip -interlace Plane -sampling-factor 4:2:0 -quality 82 evening-social.jpg

echo "Wrote $(pwd)/evening-social.jpg"
