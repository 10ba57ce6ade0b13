# A corpus row named N that is never written so, mostly written N's, is named N's when a row of its type is named "N's ..." ("Moody's" of a document that writes only that); "IBM's" and "Reagan's" are not. --partial | --merge prints the same.
t=${TMPDIR:-/tmp}/lede-cp.$$
entities --corpus corpus-possessive.in | tee "$t"
entities --partial corpus-possessive.in | entities --merge | cmp - "$t" && echo "merge: the same"
rm -f "$t"
