# Workbench for the Debian linux-source-6.1 patch series: fetch the pinned
# base, make the kernel work tree, build profiles, boot them under QEMU and
# run the tests. "make help" lists the targets.

BASE_VERSION ?= 6.1.192-2
PROFILE ?= default
# Profiles make test-repro builds twice; default's MODULE_SIG makes a key
# at build time, so it is not reproducible by design.
REPRO_PROFILES ?= hashes btf
# make check-bisect builds every step of the series in these: one with
# both features on, one with them off.
BISECT_PROFILES ?= default stock
# make fuzz runs each harness of fuzz/ this many seconds.
FUZZ_SECONDS ?= 600
# make fips140-matrix: the Debian releases of linux-source-6.1 whose
# fips140.ko sets it checks against each later one's kernel, in the
# order it builds them, and the profile it builds them in.
MATRIX_RELEASES ?= 6.1.170-3 6.1.176-1 6.1.187-1 6.1.190-1 6.1.192-1 6.1.192-2 6.1.192-3
MATRIX_PROFILE ?= hashes

BUILD := build
TREE := $(BUILD)/linux
BASE_SRC := $(BUILD)/cache/linux-source-$(BASE_VERSION)
RESULTS := $(BUILD)/results
OBJ = $(BUILD)/$(PROFILE)
# What each profile is and how it is tested: tests/matrix.
MATRIX := scripts/matrix.sh

.PHONY: help list run test test-all deps base tree export check-series \
	check-bisect kernel initramfs boot test-host test-profile test-repro \
	fuzz kunit fips140-matrix clean

help:
	@echo "make run            build the $(PROFILE) profile, boot it, print a report"
	@echo "make test           host tests, then the matrix's 'test' tier (tests/matrix)"
	@echo "make test-all       host tests, then the whole matrix"
	@echo "make list           print the matrix: profiles, their boots and checks"
	@echo "make tree           (re)make $(TREE): base commit + patches/series"
	@echo "make export         write the commits of $(TREE) to patches/"
	@echo "make check-series   fail if patches/ does not match $(TREE)"
	@echo "make check-bisect   build every step of the series in $(BISECT_PROFILES)"
	@echo "make kernel         build PROFILE=<name> (configs/<name>.config) in $(BUILD)/<name>"
	@echo "make boot           boot PROFILE with SUITES=\"...\" and ARGS=\"...\" (ICOUNT=1, CPUS=2)"
	@echo "make test-repro     build each of $(REPRO_PROFILES) twice from clean and compare"
	@echo "make fuzz           run the harnesses of fuzz/ on PROFILE's modules, FUZZ_SECONDS each"
	@echo "make kunit          the module-hashes KUnit suite alone, under KASAN (kunit.py)"
	@echo "make fips140-matrix which release's fips140.ko each later one can host (hours)"
	@echo "variables: BASE_VERSION=$(BASE_VERSION) PROFILE=$(PROFILE)"

list:
	@$(MATRIX) list

deps:
	@scripts/deps.sh

base: deps
	@scripts/fetch-base.sh $(BASE_VERSION) $(BUILD)/cache

tree: base
	@scripts/tree.sh $(BASE_SRC) $(TREE) $(BASE_VERSION)

# Make the work tree only when there is none: it may hold new commits.
$(TREE)/.git:
	@$(MAKE) --no-print-directory tree

export: $(TREE)/.git
	@scripts/export.sh $(TREE) patches

check-series:
	@scripts/export.sh $(TREE) patches --check
	@test -z "$$(git -C $(TREE) status --porcelain)" || \
		{ git -C $(TREE) status --short | head; \
		  echo "check-series: $(TREE) has uncommitted changes" >&2; exit 1; }

kernel: base $(TREE)/.git
	@scripts/kernel.sh $(PROFILE) $(TREE) $(OBJ)

initramfs: kernel
	@scripts/initramfs.sh $(TREE) $(OBJ) $(OBJ)/initramfs.cpio

boot: initramfs
	@CPUS=$(CPUS) scripts/qemu.sh $(OBJ) manual "$(or $(SUITES),boot)" "$(ARGS)"

run: initramfs
	@scripts/qemu.sh $(OBJ) report report
	@sed -n '/Subtest:/d; s/^    # //p' $(OBJ)/runs/report/ktap.log

# make test runs the matrix's "test" tier, make test-all every line of it.
test: TIER := test
test-all: TIER := all
test test-all:
	@$(MATRIX) profiles $(TIER) >/dev/null
	@start=$$(date +%s); rm -rf $(RESULTS); \
	$(MAKE) --no-print-directory deps base $(TREE)/.git || exit 1; \
	$(MAKE) --no-print-directory test-host || true; \
	for p in $$($(MATRIX) profiles $(TIER)); do \
		$(MAKE) --no-print-directory test-profile PROFILE=$$p TIER=$(TIER) || true; \
	done; \
	echo "  TIME    make $@: $$(( $$(date +%s) - start ))s"; \
	scripts/summary.sh $(RESULTS) host $$($(MATRIX) results $(TIER))

test-host: base $(TREE)/.git
	@echo "  TEST    host"
	@tests/host/run.sh $(TREE) $(BASE_VERSION) $(RESULTS)/host.result > $(BUILD)/host-tests.log; \
		rc=$$?; grep -E '^not ok|^# ' $(BUILD)/host-tests.log; exit $$rc

# One profile's boots and checks in TIER, after building it.
test-profile: initramfs
	@$(MATRIX) run $(or $(TIER),test) $(PROFILE) $(TREE) $(OBJ) $(RESULTS)

check-bisect: base $(TREE)/.git
	@scripts/check-bisect.sh $(TREE) $(BUILD)/bisect $(BISECT_PROFILES)

test-repro: base $(TREE)/.git
	@for p in $(REPRO_PROFILES); do \
		scripts/repro.sh $$p $(TREE) $(BUILD)/repro/$$p || exit 1; \
	done

fuzz: initramfs
	@tests/host/fuzz.sh $(TREE) $(OBJ) $(RESULTS)/$(PROFILE)-fuzz.result $(FUZZ_SECONDS)

# The module-hashes KUnit suite alone, under KASAN (tests/host/kunit-kasan.sh).
kunit: base $(TREE)/.git
	@tests/host/kunit-kasan.sh $(TREE) - $(RESULTS)/kunit.result

# Each of MATRIX_RELEASES built, and every older set checked against
# every newer kernel, by CRC and by type: $(BUILD)/fips140-matrix/matrix.md
fips140-matrix: base $(TREE)/.git
	@MATRIX_BASE=$(BASE_VERSION) scripts/fips140-matrix.sh $(MATRIX_PROFILE) $(TREE) \
		$(BUILD)/fips140-matrix $(MATRIX_RELEASES)

clean:
	rm -rf $(addprefix $(BUILD)/,$(shell $(MATRIX) profiles all) results bisect repro fuzz kunit) \
		$(BUILD)/*.log
