python3 -c "print('e' + '\u0301' * 2048)" | tokenize | grep -v '^# text' | cut -f1,3,4
python3 -c "print('\U0001F469' + '\u200d\U0001F469' * 700)" | tokenize | grep -v '^# text' | cut -f1,3,4
python3 -c "print('a' + '\u00ad' * 3000)" | tokenize | grep -v '^# text' | cut -f1,3,4
python3 -c "import json; print(json.dumps({'id': 'j', 'text': 'x ' + 'e' + '\u0301' * 5000 + '.'}))" | tokenize --jsonl | grep -v '^# text' | cut -f1,3,4
