tokenize --jsonl docs.jsonl | keywords --build-df --min-df 1 > df.tmp && tokenize --jsonl docs.jsonl | keywords -n 2 --df df.tmp; st=$?; rm -f df.tmp; exit $st
