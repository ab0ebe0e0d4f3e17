#!/usr/bin/env bash
# The architecture's rules, checked on the source tree (run by CTest; see README "Layout"):
#   common/   includes nothing from firmware/, ui/, kioskctl/, register/, and no libcurl;
#   firmware/ includes nothing from ui/, kioskctl/, register/;
#   register/ includes only common/ (and itself);
#   nothing outside ui/ includes ImGui or SDL;
#   every project include is written from the repository's root ("common/base/result.h").
# Usage: layering_check.sh SOURCE_DIR [REGISTER_BINARY]. Prints each breach with file:line;
# exit 0 only when there is none. With a binary, also checks that it links no libcurl.
set -u
root=${1:?usage: layering_check.sh SOURCE_DIR [REGISTER_BINARY]}
register_binary=${2:-}
cd "$root" || exit 2
breaches=0
breach() { echo "layering: $1"; breaches=$((breaches + 1)); }
where() { cut -d: -f1,2 <<<"$1"; }  # file:line of a grep -Hn line

# Project includes: '#include "..."' lines in our own sources.
sources() { find "$@" \( -name '*.h' -o -name '*.cpp' -o -name '*.h.in' \) -not -path '*/build*' 2>/dev/null; }
includes_in() { grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' $(sources "$@") 2>/dev/null; }
system_includes_in() { grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' $(sources "$@") 2>/dev/null; }

while IFS= read -r line; do
  file=${line%%:*}; target=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/' <<<"$line")
  layer=${file%%/*}
  case "$target" in
    common/*|firmware/*|ui/*|kioskctl/*|register/*|tests/*|bench/*|fuzz/*|content/*) ;;
    *) breach "$(where "$line"): \"$target\" is not written from the repository's root"; continue ;;
  esac
  [ -e "$target" ] || [ -e "$target.in" ] || [ "$target" = "common/base/version.h" ] ||
    breach "$(where "$line"): \"$target\" does not exist"
  to=${target%%/*}
  case "$layer:$to" in
    common:common) ;;
    common:*) breach "$(where "$line"): common/ must not include $target" ;;
    firmware:ui|firmware:kioskctl|firmware:register) breach "$(where "$line"): firmware/ must not include $target" ;;
    register:common|register:register) ;;
    register:*) breach "$(where "$line"): register/ includes only common/, not $target" ;;
  esac
done < <(includes_in common firmware ui kioskctl register tests bench fuzz content)

while IFS= read -r line; do
  file=${line%%:*}
  case "$line" in
    *'<imgui'*|*'<SDL'*|*'<SDL2/'*)
      case "$file" in ui/*) ;; *) breach "$(where "$line"): only ui/ may include ImGui or SDL" ;; esac ;;
  esac
  case "$line" in
    *'<curl/'*) case "$file" in firmware/*) ;; *) [ "${file%%/*}" = tests ] || breach "$(where "$line"): only firmware/ (the sync client) may include libcurl" ;; esac ;;
  esac
done < <(system_includes_in common firmware kioskctl register bench fuzz content)

if [ -n "$register_binary" ]; then
  [ -x "$register_binary" ] || breach "$register_binary: no such program to check with ldd"
  # readelf, not ldd: it reads a cross-built (arm64) program too. NEEDED lists what it links.
  if readelf -d "$register_binary" | grep NEEDED | grep -Ei 'libcurl|libSDL|libqrencode' ; then
    breach "$register_binary links libcurl, SDL or libqrencode (see the lines above)"
  fi
fi

if [ "$breaches" -eq 0 ]; then
  echo "layering: every include follows the rules"
  exit 0
fi
echo "layering: $breaches breach(es)"
exit 1
