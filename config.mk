# lede version
VERSION = 0.1.0

# paths
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/lede

# dependencies (libstemmer has no pkg-config file on Debian)
UTF8PROC_LIBS = -lutf8proc
STEMMER_LIBS = -lstemmer
PCRE2_LIBS = -lpcre2-8

# flags
CC = cc
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DVERSION=\"$(VERSION)\" -DDATADIR=\"$(DATADIR)\"
CFLAGS = -std=c11 -O2 -g -Wall -Wextra
LDFLAGS =
LDLIBS = $(UTF8PROC_LIBS) $(STEMMER_LIBS) $(PCRE2_LIBS) -lm
