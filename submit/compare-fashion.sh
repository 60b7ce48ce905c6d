#!/usr/bin/env bash
# Trains the Fashion-MNIST DCGAN once per loss or trick on the same budget and prints a
# Markdown table of the evaluation metrics, wall time and throughput (the README's table).
#   submit/compare-fashion.sh [ROUNDS] [OUT]     (defaults: 50 rounds, runs/compare)
# Each row is a shipped configuration: conf/fashion-mnist-dcgan.conf brought back to the
# plain objective (conf/tricks/baseline.conf) plus the overlays of conf/tricks/ the row
# names, or conf/fashion-mnist-cdcgan.conf. Rows run one after another, so that their
# timings do not share the machine. SPARKGAN_LAUNCHER replaces submit/local.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-50}
out=${2:-runs/compare}
launcher=${SPARKGAN_LAUNCHER:-$root/submit/local.sh}
data=${FASHION_MNIST:-$root/../shared/datasets/fashion-mnist}
base="$root/conf/fashion-mnist-dcgan.conf $root/conf/tricks/baseline.conf"
mkdir -p "$out"

rows=(
  "standard|$base"
  "lsgan|$base $root/conf/tricks/lsgan.conf"
  "wasserstein (clip 0.01, 5 critic steps)|$base $root/conf/tricks/wasserstein.conf"
  "hinge|$base $root/conf/tricks/hinge.conf"
  "standard + EMA 0.95|$base $root/conf/tricks/ema.conf"
  "standard + smoothing 0.9 + instance noise 0.1|$base $root/conf/tricks/smoothing-noise.conf"
  "hinge + EMA 0.95|$base $root/conf/tricks/hinge.conf $root/conf/tricks/ema.conf"
  "conditional (cDCGAN: hinge, EMA 0.95)|$root/conf/fashion-mnist-cdcgan.conf"
)

field() { grep -o "\"$1\":[^,}]*" "$2" | tail -1 | cut -d: -f2; }
fmt() { [[ -z "$1" ]] && echo "-" || printf "%.${2}f" "$1"; }

echo "| configuration | fid | coverage | precision | recall | label acc. | wall s | real ex/s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for row in "${rows[@]}"; do
  name=${row%%|*}
  configs=()
  for file in ${row#*|}; do configs+=(--config "$file"); done
  slug=$(echo "$name" | tr -c 'a-z0-9\n' '-' | cut -c1-40)
  log="$out/$slug.log"
  started=$(date +%s)
  "$launcher" pipeline "${configs[@]}" --master 'local[2]' --overwrite \
    --input "$data/train-images-idx3-ubyte.gz" --real-test "$data/t10k-images-idx3-ubyte.gz" \
    --feature-model "$out/feature-classifier.zip" --out "$out/$slug" \
    --set train.rounds="$rounds" --set generate.count=5000 --set generate.per-class=0 \
    > "$log" 2>&1 || { echo "| $name | failed: see $log |"; continue; }
  seconds=$(( $(date +%s) - started ))
  summary=$(tail -1 "$log" > "$out/$slug.json"; echo "$out/$slug.json")
  echo "| $name | $(fmt "$(field fid "$summary")" 1) (floor $(fmt "$(field fid_floor "$summary")" 2)) |" \
       "$(field coverage "$summary")/10 | $(fmt "$(field precision "$summary")" 3) |" \
       "$(fmt "$(field recall "$summary")" 3) | $(fmt "$(field label_accuracy "$summary")" 3) |" \
       "$seconds | $(fmt "$(field real_examples_per_s "$summary")" 0) |"
done
