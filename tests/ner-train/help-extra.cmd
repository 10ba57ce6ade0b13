ner-train --help | grep -e --extra-frac
