# partials whose lines end in CR LF (carried through Windows) merge as
# they do without, as the keywords and entities partials do
tone --partial basic.in > p.tmp && sed 's/$/\r/' p.tmp > pcr.tmp && tone --merge pcr.tmp > got.tmp; echo "status $?"; tone --merge p.tmp | cmp - got.tmp && cat got.tmp
tone --partial --by-entity entities.in > p.tmp && sed 's/$/\r/' p.tmp > pcr.tmp && tone --merge --by-entity pcr.tmp > got.tmp; echo "status $?"; tone --merge --by-entity p.tmp | cmp - got.tmp && grep -c . got.tmp
rm -f p.tmp pcr.tmp got.tmp
