#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# list-potfiles.sh: print the files that hold translatable strings, in po/POTFILES.in format.
#
# Used by update-po.sh to rewrite po/POTFILES.in and by check-po.sh to find files missing there.
# Usage: list-potfiles.sh [SOURCE_ROOT]
set -euo pipefail

root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$root"

# _("…"), N_("…"), C_("ctx", "…"), NC_(…) and the plural forms, not foo_(…).
c_marker='(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|g_dpgettext2|ngettext)[[:space:]]*\('

{
  for f in app/*.c ui/*.c; do
    if [ -f "$f" ] && grep -qE "$c_marker" "$f"; then echo "$f"; fi
  done
  for f in ui/*.ui resources/gtk/*.ui; do
    if [ -f "$f" ] && grep -q 'translatable="yes"' "$f"; then echo "$f"; fi
  done
  for f in resources/*.desktop.in resources/*.metainfo.xml.in resources/*.gschema.xml; do
    if [ -f "$f" ]; then echo "$f"; fi
  done
} | LC_ALL=C sort -u
