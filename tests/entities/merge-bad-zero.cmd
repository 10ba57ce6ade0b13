# A 0-byte partial (a part that failed before writing its header) is an
# error at its line 1, alone, beside a good partial and on stdin.
t=${TMPDIR:-/tmp}/lede-ent-zero.$$
mkdir -p "$t"
: > "$t/empty.p"
entities --partial bio.in > "$t/good.p"
entities --merge "$t/empty.p" 2>&1 | sed "s|$t/||"
entities --merge "$t/empty.p" >/dev/null 2>&1; echo "status $?"
entities --merge "$t/empty.p" "$t/good.p" 2>&1 | sed "s|$t/||"
entities --merge "$t/good.p" "$t/empty.p" >/dev/null 2>&1; echo "status $?"
entities --merge --partial < "$t/empty.p" 2>&1; echo "status $?"
rm -rf "$t"
