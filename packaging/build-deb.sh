#!/usr/bin/env bash
# Builds dist/shiftwell_<version>_<arch>.deb from the one-folder bundle (dist/shiftwell/,
# made by packaging/build.sh): the app in /usr/lib/shiftwell, `shiftwell` on PATH, the menu
# entry, the icon at every size, the AppStream metainfo. Its Depends are computed by
# dpkg-shlibdeps from the libraries the bundle loads but does not carry. Then lintian checks
# the package (no errors allowed) and its size is printed.
#
#   bash packaging/build.sh && bash packaging/build-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=dist/shiftwell
if [[ ! -x $bundle/shiftwell ]]; then
  echo "build-deb.sh: no bundle in $bundle (run packaging/build.sh first)" >&2
  exit 1
fi
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/shiftwell/__init__.py)
arch=$(dpkg --print-architecture)
stage=build/deb/shiftwell
deb=dist/shiftwell_${version}_${arch}.deb
rm -rf build/deb && mkdir -p "$stage/DEBIAN"

echo "== staging shiftwell $version ($arch)"
install -d "$stage/usr/lib/shiftwell" "$stage/usr/bin"
cp -a "$bundle/." "$stage/usr/lib/shiftwell/"
ln -s ../lib/shiftwell/shiftwell "$stage/usr/bin/shiftwell"
install -D -m 644 packaging/shiftwell.desktop "$stage/usr/share/applications/shiftwell.desktop"
for png in packaging/icons/shiftwell-*.png; do
  size=${png##*-} size=${size%.png}
  install -D -m 644 "$png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/shiftwell.png"
done
install -D -m 644 resources/icons/shiftwell.svg \
  "$stage/usr/share/icons/hicolor/scalable/apps/shiftwell.svg"
install -D -m 644 packaging/debian/org.shiftwell.Shiftwell.metainfo.xml \
  "$stage/usr/share/metainfo/org.shiftwell.Shiftwell.metainfo.xml"
install -D -m 644 packaging/debian/copyright "$stage/usr/share/doc/shiftwell/copyright"
install -D -m 644 packaging/debian/lintian-overrides "$stage/usr/share/lintian/overrides/shiftwell"
sed "s/@VERSION@/$version/; s/@DATE@/$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}")/" \
  packaging/debian/changelog | gzip -9n > "$stage/usr/share/doc/shiftwell/changelog.gz"
chmod 644 "$stage/usr/share/doc/shiftwell/changelog.gz"
# Files as a package wants them: directories 755, files and libraries 644, the program 755.
find "$stage/usr" -type d -exec chmod 755 {} +
find "$stage/usr" -type f -exec chmod 644 {} +
chmod 755 "$stage/usr/lib/shiftwell/shiftwell"

echo "== dependencies"
# The bundle carries copies of the system libraries it was built against; a Debian package
# depends on them instead (they get security updates, and lintian refuses embedded copies).
# What stays is what came from the Python wheels: Qt, PySide6, the interpreter.
dropped=0
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
for copy in "$stage"/usr/lib/shiftwell/_internal/*.so*; do
  name=$(basename "$copy")
  case $name in
    # from the wheels and the interpreter: the system's namesakes are other builds
    libQt6* | libpyside6* | libshiboken6* | libpython* | libicu*) continue ;;
  esac
  for dir in "/usr/lib/$multiarch" "/usr/lib/$multiarch/pulseaudio" /usr/lib; do
    [[ -e $dir/$name ]] || continue
    real=$(realpath "$dir/$name")
    # dpkg may know a file by its /lib path where /lib is a link to /usr/lib
    if dpkg -S "$real" >/dev/null 2>&1 || dpkg -S "${real#/usr}" >/dev/null 2>&1; then
      rm "$copy" && dropped=$((dropped + 1))
      break
    fi
  done
done
echo "left out $dropped system libraries the package depends on instead"
# Every ELF file of the bundle; libraries found inside it are its own and need no package.
mapfile -t elves < <(find "$stage/usr/lib/shiftwell" -type f -exec sh -c \
  'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
mapfile -t private < <(printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debian"
printf 'Source: shiftwell\n\nPackage: shiftwell\nArchitecture: any\n' > "$work/debian/control"
stage_abs=$(realpath "$stage")
depends=$(
  cd "$work" && dpkg-shlibdeps -O --ignore-missing-info \
    "${private[@]/#/-l$stage_abs/../../../}" \
    "${elves[@]/#/$stage_abs/../../../}" 2>/dev/null | sed -n 's/^shlibs:Depends=//p'
)
echo "Depends: $depends"

installed_size=$(du -sk --apparent-size "$stage/usr" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
  -e "s/@SIZE@/$installed_size/" packaging/debian/control > "$stage/DEBIAN/control"

echo "== building $deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "package: $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes), installed: $((installed_size / 1024)) MB"

echo "== lintian"
# Errors fail the build; the warnings a bundled app cannot avoid are overridden, with reasons.
lintian --fail-on error --tag-display-limit 0 "$deb"
echo "== ok: $deb"
