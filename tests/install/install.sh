#!/bin/sh
# make install into a staging root, delete the copy of the tree it was
# built from, and check that the installed tools still find their data:
# the pipeline on the sample article gives the same output as the tools
# in bin/ of this tree.  Then make uninstall removes everything.
top=${LEDE_TOP:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case ${LEDE_BIN:?} in
*/san/*) echo "runs once, in the normal build"; exit 77 ;;
esac
mkdir "$tmp/src"
(cd "$top" && git ls-files -z | xargs -0 tar cf - 2>/dev/null) | tar xf - -C "$tmp/src" || exit 1
(cd "$tmp/src" && make -s -j2 all >/dev/null 2>&1 &&
    make -s install PREFIX=/opt/lede DESTDIR="$tmp/root" >/dev/null) || { echo "install failed"; exit 1; }
rm -rf "$tmp/src"
prefix=$tmp/root/opt/lede
for t in "$top"/tools/*.c; do
	t=${t##*/}; t=${t%.c}
	[ -x "$prefix/bin/$t" ] || { echo "not installed: bin/$t"; exit 1; }
	[ -f "$prefix/share/man/man1/$t.1" ] || { echo "not installed: man1/$t.1"; exit 1; }
done
pipeline() {	# bindir
	PATH=$1 tokenize "$top/examples/article.txt" >"$tmp/s" || return 1
	for t in stem ner-tag sentiment; do
		[ -x "$1/$t" ] || continue
		PATH=$1 "$t" "$tmp/s" >"$tmp/s2" || return 1
		mv "$tmp/s2" "$tmp/s"
	done
	for t in keywords entities tone summarize; do
		[ -x "$1/$t" ] || continue
		PATH=$1 "$t" "$tmp/s" || return 1
	done
	cat "$tmp/s"
}
(unset LEDE_DATA; cd / && pipeline "$prefix/bin") >"$tmp/installed" 2>&1 || {
	echo "installed pipeline failed:"; cat "$tmp/installed"; exit 1; }
(unset LEDE_DATA; pipeline "$LEDE_BIN") >"$tmp/tree" 2>&1 || {
	echo "tree pipeline failed:"; cat "$tmp/tree"; exit 1; }
cmp "$tmp/installed" "$tmp/tree" || { diff "$tmp/tree" "$tmp/installed" | head; exit 1; }
(cd "$top" && make -s uninstall PREFIX=/opt/lede DESTDIR="$tmp/root" >/dev/null)
left=$(find "$tmp/root" -type f | head -n 5)
[ -z "$left" ] || { echo "left after uninstall: $left"; exit 1; }
echo "installed tools match the tree's on the sample article"
