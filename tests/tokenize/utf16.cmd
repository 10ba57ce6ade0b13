# UTF-16 text (a Windows "Unicode" file) is named as such, with the way out,
# not as 'invalid UTF-8 (byte 0xFF)'; a UTF-16 dump is one message, not one
# a line
printf '\377\376H\000i\000.\000\n\000' > u16le.tmp
printf '\376\377\000H\000i\000.\000\n' > u16be.tmp
printf '\377\376{\000}\000\n\000{\000}\000\n\000' > u16.jsonl.tmp
tokenize u16le.tmp u16be.tmp 2>&1; echo "status $?"
tokenize --jsonl u16.jsonl.tmp 2>&1; echo "status $?"
rm -f u16le.tmp u16be.tmp u16.jsonl.tmp
