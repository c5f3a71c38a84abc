#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh: fail when po/POTFILES.in misses a file, or when a translation is incomplete.
#
#   check-po.sh potfiles SOURCE_ROOT
#       every file with translatable strings (build-aux/list-potfiles.sh) is in POTFILES.in,
#       and every file POTFILES.in names exists.
#   check-po.sh translations SOURCE_ROOT [LANG...]
#       extracts the strings of the current sources (as `eventail-pot` does, into a temporary
#       folder: the source tree is not touched), merges each LANG.po (default: po/LINGUAS) with
#       them as `eventail-update-po` would, then runs `msgfmt --check --statistics` and fails
#       on any untranslated or fuzzy string, listing them.
# The fix in both cases: build-aux/update-po.sh, then translate po/LANG.po.
set -euo pipefail

mode="${1:?usage: check-po.sh potfiles|translations SOURCE_ROOT [LANG...]}"
root="${2:?usage: check-po.sh potfiles|translations SOURCE_ROOT [LANG...]}"
shift 2
cd "$root"

listed ()
{
  sed -e 's/#.*//' -e 's/[[:space:]]//g' po/POTFILES.in | grep -v '^$' | LC_ALL=C sort -u
}

check_potfiles ()
{
  local status=0 f
  while IFS= read -r f; do
    if [ ! -f "$f" ]; then
      echo "po/POTFILES.in names $f, which does not exist" >&2
      status=1
    fi
  done < <(listed)
  while IFS= read -r f; do
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  done < <(LC_ALL=C comm -13 <(listed) <(build-aux/list-potfiles.sh "$root"))
  if [ "$status" -ne 0 ]; then
    echo "Fix: build-aux/update-po.sh rewrites po/POTFILES.in and merges the translations." >&2
  else
    echo "po/POTFILES.in lists the $(listed | wc -l) files with translatable strings."
  fi
  return "$status"
}

check_translations ()
{
  local -a langs=("$@")
  if [ "${#langs[@]}" -eq 0 ]; then
    mapfile -t langs < <(sed -e 's/#.*//' po/LINGUAS | tr -s '[:space:]' '\n' | grep -v '^$')
  fi

  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT

  # The arguments of meson's i18n.gettext(preset: 'glib'), so the strings are the same ones.
  xgettext --package-name=eventail -f po/POTFILES.in -D "$root" -k_ -o "$tmp/eventail.pot" \
    --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
    --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format

  local status=0 lang po merged stats
  for lang in "${langs[@]}"; do
    po="po/$lang.po"
    if [ ! -f "$po" ]; then
      echo "$po is missing (it is in po/LINGUAS)" >&2
      status=1
      continue
    fi
    # The file as committed must compile, format strings included.
    if ! msgfmt --check -o /dev/null "$po"; then
      status=1
      continue
    fi

    merged="$tmp/$lang.po"
    msgmerge -q -o "$merged" "$po" "$tmp/eventail.pot"
    stats="$(msgfmt --check --statistics -o /dev/null "$merged" 2>&1)" || { echo "$stats" >&2; status=1; continue; }
    echo "$lang: $stats"

    local untranslated fuzzy
    untranslated="$(msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep '^msgid ' | grep -vx 'msgid ""' || true)"
    fuzzy="$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | grep '^msgid ' | grep -vx 'msgid ""' || true)"
    # A multi-line msgid starts with msgid "": count the entries, not their first lines.
    local n_untranslated n_fuzzy
    n_untranslated="$(msgattrib --untranslated --no-obsolete "$merged" | grep -c '^msgid ' || true)"
    n_fuzzy="$(msgattrib --only-fuzzy --no-obsolete "$merged" | grep -c '^msgid ' || true)"
    # msgattrib prints the header entry (msgid "") along with any selected entry.
    [ "$n_untranslated" -gt 0 ] && n_untranslated=$((n_untranslated - 1))
    [ "$n_fuzzy" -gt 0 ] && n_fuzzy=$((n_fuzzy - 1))

    if [ "$n_untranslated" -gt 0 ] || [ "$n_fuzzy" -gt 0 ]; then
      echo "$po: $n_untranslated untranslated and $n_fuzzy fuzzy strings against the current sources:" >&2
      [ -n "$untranslated" ] && echo "$untranslated" | sed 's/^/  untranslated: /' >&2
      [ -n "$fuzzy" ] && echo "$fuzzy" | sed 's/^/  fuzzy: /' >&2
      echo "Fix: build-aux/update-po.sh, then translate and unfuzzy them in $po." >&2
      status=1
    fi
  done
  return "$status"
}

case "$mode" in
  potfiles) check_potfiles ;;
  translations) check_translations "$@" ;;
  *) echo "check-po.sh: unknown mode $mode" >&2; exit 2 ;;
esac
