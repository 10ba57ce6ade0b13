# Counts that add up past 2^40 (two partials of 2^40 mentions each) are merged, and the merged partial loads again (what entities writes, it reads).
n=1099511627776
printf '# lede-partial entities 3\n# settings keep-boilerplate=no\ne\tPER\tann\t1\t%s\t%s000000\t%s\t%s\t0\nn\tAnn\t%s\ns\tAnn\t%s\n' $n $n $n $n $n $n > "${TMPDIR:-/tmp}/lede-big.$$"
cat "${TMPDIR:-/tmp}/lede-big.$$" "${TMPDIR:-/tmp}/lede-big.$$" | entities --merge --partial | entities --merge
echo "status $?"
rm -f "${TMPDIR:-/tmp}/lede-big.$$"
