# Shared helpers of scripts/eval-keywords and scripts/eval-summarize
# (Python 3, standard library only): finding the tools and the data,
# running a pipeline, and Porter stemming through our own `stem -l porter`.
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_dir():
    return os.environ.get("LEDE_SHARED") or os.path.join(TOP, "..", "shared")


def tool(bindir, name):
    """Path of tool NAME: BINDIR/NAME when it exists, else NAME on PATH."""
    p = os.path.join(bindir, name)
    return p if os.path.exists(p) else name


def run(argv, data, what):
    """Run argv with bytes data on stdin; return stdout bytes or exit."""
    try:
        p = subprocess.run(argv, input=data, stdout=subprocess.PIPE)
    except OSError as e:
        sys.exit("%s: %s: %s" % (os.path.basename(sys.argv[0]), argv[0], e))
    if p.returncode != 0:
        sys.exit("%s: %s failed (exit %d)" % (os.path.basename(sys.argv[0]),
                                               what, p.returncode))
    return p.stdout


class Porter:
    """The original Porter (1980) stemmer, through `stem -l porter`.

    Words are collected first (add), then stemmed in one run (flush), and
    looked up with get."""

    def __init__(self, bindir):
        self.stem = tool(bindir, "stem")
        self.memo = {}
        self.todo = set()

    def add(self, word):
        if word not in self.memo:
            self.todo.add(word)

    def flush(self):
        if not self.todo:
            return
        words = sorted(self.todo)
        lines = ["# global.columns = ID FORM"]
        for i in range(0, len(words), 100000):
            for j, w in enumerate(words[i:i + 100000]):
                lines.append("%d\t%s" % (j + 1, w))
            lines.append("")
        out = run([self.stem, "-l", "porter"],
                  ("\n".join(lines) + "\n").encode(), "stem -l porter")
        stems = [l.split("\t")[-1] for l in out.decode().split("\n")
                 if l and not l.startswith("#")]
        if len(stems) != len(words):
            sys.exit("stem -l porter: %d stems for %d words"
                     % (len(stems), len(words)))
        self.memo.update(zip(words, stems))
        self.todo = set()

    def get(self, word):
        return self.memo[word]
