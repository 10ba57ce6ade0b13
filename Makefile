# lede - news-article text into keyword, entity and tone reports
# See README.md.  What a packager changes lives in config.mk.
.SUFFIXES:

include config.mk

# Build directories: objects under O, tools under BIN.  The sanitizer build
# of `make test` uses O=build/san BIN=build/san/bin SAN=1.
O = build
BIN = bin
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ALLCFLAGS = $(CFLAGS) $(if $(SAN),-O1 $(SANFLAGS)) $(if $(FUZZ),-O1 $(FUZZFLAGS))
ALLLDFLAGS = $(LDFLAGS) $(if $(SAN),$(SANFLAGS))

LIBSRC := $(sort $(wildcard lib/*.c))
LIBHDR := $(sort $(wildcard lib/*.h))
LIBOBJ := $(LIBSRC:lib/%.c=$(O)/lib/%.o)
LIB := $(O)/liblede.a
TOOLSRC := $(sort $(wildcard tools/*.c))
TOOLS := $(TOOLSRC:tools/%.c=%)
BINS := $(TOOLS:%=$(BIN)/%)
MANS := $(sort $(wildcard tools/*.1))
UNITSRC := $(sort $(wildcard tests/unit/*.c))
UNITS := $(UNITSRC:tests/unit/%.c=$(O)/tests/%)
FUZZSRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZERS := $(FUZZSRC:tests/fuzz/%.c=$(O)/%)
# seconds each fuzz harness runs in `make test` (docs/TESTING.md)
FUZZ_SECONDS = 30

all: $(BINS) $(UNITS)

$(O)/lib/%.o: lib/%.c $(LIBHDR) config.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALLCFLAGS) -c $< -o $@

$(LIB): $(LIBOBJ)
	@rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(O)/tools/%.o: tools/%.c $(LIBHDR) config.mk
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Ilib $(ALLCFLAGS) -c $< -o $@

$(BIN)/%: $(O)/tools/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALLLDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(O)/tests/%: tests/unit/%.c $(LIB) $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Ilib $(ALLCFLAGS) $(ALLLDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(O)/fuzz-%: tests/fuzz/fuzz-%.c $(LIB) $(LIBHDR)
	$(CC) $(CPPFLAGS) -Ilib $(ALLCFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LDLIBS)

fuzzers: $(FUZZERS)

# libFuzzer harnesses of every parser of outside input (tests/fuzz/), with clang.
fuzz: deps
	@$(MAKE) -s O=build/fuzz CC=clang FUZZ=1 fuzzers

# Set-up on a fresh machine: the -dev packages and test tools, via apt-get.
deps:
	@scripts/install-deps

# The main job on the bundled sample article.
demo: deps
	@$(MAKE) -s all
	@scripts/demo examples/article.txt

# The whole suite twice: a normal build and an ASan + UBSan build.
test: deps
	@$(MAKE) -s all
	@$(MAKE) -s O=build/san BIN=build/san/bin SAN=1 all
	@echo '# normal build'; scripts/run-tests bin build/tests; a=$$?; \
	echo '# sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer)'; \
	scripts/run-tests build/san/bin build/san/tests; b=$$?; \
	echo '# fuzz harnesses, $(FUZZ_SECONDS) s each'; \
	$(MAKE) -s fuzz && scripts/fuzz-run build/fuzz $(FUZZ_SECONDS); c=$$?; \
	[ $$a -eq 0 ] && [ $$b -eq 0 ] && [ $$c -eq 0 ]

# Only the normal build's suite, for quick iterations.
check: all
	@scripts/run-tests bin build/tests

# The shipped NER model, rebuilt from the shared data (docs/NER.md,
# models/README.md): word clusters and case profiles learnt from unlabelled
# text, then the tagger trained on CoNLL-2003 train with early stopping on
# dev.  LEDE_SHARED is the shared data (../shared by default).
LEDE_SHARED = ../shared
NERD = $(LEDE_SHARED)/data
NER_TEXT = $(NERD)/corpus/reuters21578.jsonl $(NERD)/summarize/bbc_news_summary_dev.jsonl \
	$(NERD)/summarize/duc2001_dev.jsonl $(NERD)/ner/gmb.train.bio $(NERD)/ner/conll2003.train.bio
NER_TRAIN_FLAGS = -s 1 -n 30 -p 6 -r 10 -c 2 --case-aug 0.3
$(O)/ner-lexicon: scripts/ner-lexicon.c $(LIB) $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Ilib $(ALLCFLAGS) $(ALLLDFLAGS) -o $@ scripts/ner-lexicon.c $(LIB) $(LDLIBS)

model: $(BIN)/ner-train $(BIN)/ner-tag $(O)/ner-lexicon
	$(O)/ner-lexicon -i 10 -s 1 $(NER_TEXT) > $(O)/ner-lexicon.tsv
	$(BIN)/ner-train $(NER_TRAIN_FLAGS) -x $(O)/ner-lexicon.tsv -g $(NERD)/ner/gmb.train.bio \
		-d $(NERD)/ner/conll2003.dev.bio -o models/ner-en.model.tmp $(NERD)/ner/conll2003.train.bio
	mv models/ner-en.model.tmp models/ner-en.model
	$(BIN)/ner-tag -m models/ner-en.model --eval $(NERD)/ner/conll2003.dev.bio

# The background document-frequency table of keywords and summarize,
# from the Reuters-21578 dump in ../shared (data/keywords/README.md).
df: all
	@scripts/build-df

# The suite under valgrind memcheck: any memory error or leak fails a test.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
check-valgrind: all
	@RUN='$(VALGRIND)' scripts/run-tests bin build/tests

bench: all
	@scripts/bench

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(DATADIR)
	cp -f $(BINS) $(DESTDIR)$(PREFIX)/bin/
	for m in $(MANS); do sed 's/VERSION/$(VERSION)/g' $$m > $(DESTDIR)$(MANPREFIX)/man1/$${m##*/}; done
	for d in data models; do if [ -d $$d ]; then cp -R $$d $(DESTDIR)$(DATADIR)/; fi; done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(PREFIX)/bin/$$t $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build bin

.PHONY: all deps demo test check check-valgrind bench model df install uninstall clean fuzz fuzzers
