# An upper-case word before a starter ends a sentence (web text), unless
# the name goes on: "BBC One", "NBA All-Star", "USA For Africa".
tokenize < caps-names.in | grep "^# text"
