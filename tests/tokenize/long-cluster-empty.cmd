python3 -c "import sys; sys.stdout.write('ab' + '\u0301' * 2048 + ' next')" | tokenize | grep -v '^# text' | cut -f1,3,4
