#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# update-po.sh: bring po/ up to date with the sources, ready to translate.
#
# Rewrites po/POTFILES.in from the files that hold translatable strings, regenerates
# po/eventail.pot (meson target eventail-pot), merges it into every po/LANG.po (target
# eventail-update-po), then lists what is left to translate. Run it, translate po/fr.po
# (untranslated entries and those marked "#, fuzzy": check, fix and remove the flag), and
# `build-aux/test --suite core` passes again.
# Usage: update-po.sh [BUILD_DIR]   (default _build; configured if it is not)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-_build}"

{
  echo "# Files with translatable strings, rewritten by build-aux/update-po.sh."
  build-aux/list-potfiles.sh "$PWD"
} > po/POTFILES.in

if [ ! -f "$build/meson-private/coredata.dat" ]; then
  meson setup "$build"
fi
meson compile -C "$build" eventail-pot
meson compile -C "$build" eventail-update-po
# The template is a by-product: everything it holds is in the sources and in each .po.
rm -f po/eventail.pot

for po in po/*.po; do
  printf '%s: ' "$po"
  msgfmt --check --statistics -o /dev/null "$po"
done
build-aux/check-po.sh translations "$PWD" || true
