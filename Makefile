# Workbench for the Debian linux-source-6.1 patch series: fetch the pinned
# base, make the kernel work tree, build profiles, boot them under QEMU and
# run the tests. "make help" lists the targets.

BASE_VERSION ?= 6.1.192-2
PROFILE ?= default
TEST_PROFILES ?= stock default hashes btf all-crypto-y
# Profiles make test-repro builds twice; default's MODULE_SIG makes a key
# at build time, so it is not reproducible by design.
REPRO_PROFILES ?= hashes btf
# Profiles whose build make test packages with make bindeb-pkg (after
# booting it: packaging rebuilds vmlinux with the package's version).
DEBPKG_PROFILES ?= btf
# Profiles with stock's crypto configuration and the standalone crypto
# module: their /proc/crypto must equal stock's.
CRYPTO_PARITY_PROFILES ?= default

BUILD := build
TREE := $(BUILD)/linux
BASE_SRC := $(BUILD)/cache/linux-source-$(BASE_VERSION)
RESULTS := $(BUILD)/results
OBJ = $(BUILD)/$(PROFILE)

# Guest suites: the parity suite every profile must pass, a FIPS boot, and
# the module authentication policy under enforcement and lockdown.
PARITY := boot crypto fips modules kcapi dmcrypt
FIPS := boot fips kcapi
# The suite that tests how a profile authenticates its modules. Profiles
# with one also boot in FIPS mode (which accepts only authenticated crypto
# modules), with module.sig_enforce=1 and with lockdown=integrity.
AUTH_SUITE_stock := modsig
AUTH_SUITE_default := hashes
AUTH_SUITE_hashes := hashes
AUTH_SUITE_all-crypto-y := modsig
# Suites a profile adds to its parity boot.
EXTRA_SUITES_default := extmod
EXTRA_SUITES_hashes := kunit extmod tcrypt
EXTRA_SUITES_all-crypto-y := extmod tcrypt
EXTRA_SUITES_btf := hashes extmod

.PHONY: help run test deps base tree export check-series kernel initramfs \
	boot test-host test-profile test-repro clean

help:
	@echo "make run            build the $(PROFILE) profile, boot it, print a report"
	@echo "make test           host tests, then build, boot and test: $(TEST_PROFILES)"
	@echo "make tree           (re)make $(TREE): base commit + patches/series"
	@echo "make export         write the commits of $(TREE) to patches/"
	@echo "make check-series   fail if patches/ does not match $(TREE)"
	@echo "make kernel         build PROFILE=<name> (configs/<name>.config) in $(BUILD)/<name>"
	@echo "make boot           boot PROFILE with SUITES=\"...\" and ARGS=\"...\" (ICOUNT=1)"
	@echo "make test-repro     build each of $(REPRO_PROFILES) twice from clean and compare"
	@echo "variables: BASE_VERSION=$(BASE_VERSION) PROFILE=$(PROFILE)"

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
	@scripts/qemu.sh $(OBJ) manual "$(or $(SUITES),boot)" "$(ARGS)"

run: initramfs
	@scripts/qemu.sh $(OBJ) report report
	@sed -n '/Subtest:/d; s/^    # //p' $(OBJ)/runs/report/ktap.log

test:
	@rm -rf $(RESULTS)
	@$(MAKE) --no-print-directory deps base $(TREE)/.git
	@$(MAKE) --no-print-directory test-host || true
	@for p in $(TEST_PROFILES); do \
		$(MAKE) --no-print-directory test-profile PROFILE=$$p || true; \
	done
	@scripts/summary.sh $(RESULTS) host $(TEST_PROFILES)

test-host: base $(TREE)/.git
	@echo "  TEST    host"
	@tests/host/run.sh $(TREE) $(BASE_VERSION) $(RESULTS)/host.result > $(BUILD)/host-tests.log; \
		rc=$$?; grep -E '^not ok|^# ' $(BUILD)/host-tests.log; exit $$rc

AUTH = $(AUTH_SUITE_$(PROFILE))
# A kernel whose loader left pkcs7_parse_message() unplugged must panic so
# when the module signature check calls it.
UNPLUGGED_PANIC := fips140: pkcs7_parse_message() called, but fips140.ko has not provided it

test-profile: initramfs
	@if grep -q '^CONFIG_MODULE_HASHES=y' $(OBJ)/.config; then \
		echo "  TEST    $(PROFILE)/root"; mkdir -p $(RESULTS); \
		tests/host/check-root.py $(OBJ)/vmlinux $(OBJ)/initramfs/lib/modules/* \
			$(RESULTS)/$(PROFILE)-root.result | grep -E '^not ok|^# ' || true; \
		echo "  TEST    $(PROFILE)/modproof"; \
		tests/host/modproof.sh $(OBJ) $(RESULTS)/$(PROFILE)-modproof.result \
			| grep -E '^not ok|^# ' || true; \
	fi
	@RESULTS=$(RESULTS) scripts/qemu.sh $(OBJ) parity \
		"$(PARITY) $(AUTH) $(EXTRA_SUITES_$(PROFILE))" || true
	@$(if $(filter $(PROFILE),$(CRYPTO_PARITY_PROFILES)), \
		echo "  TEST    $(PROFILE)/crypto-parity"; \
		tests/host/crypto-parity.sh $(BUILD)/stock/runs/parity/ktap.log \
			$(OBJ)/runs/parity/ktap.log $(RESULTS)/$(PROFILE)-crypto-parity.result \
			| grep -E '^not ok|^# ' || true)
	@if grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD=y' $(OBJ)/.config; then \
		RESULTS=$(RESULTS) scripts/qemu.sh $(OBJ) cmdline extmod \
			cryptomgr.notests=1 || true; \
	fi
	@if grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD_TEST_UNPLUGGED=y' $(OBJ)/.config; then \
		RESULTS=$(RESULTS) EXPECT_PANIC="$(UNPLUGGED_PANIC)" \
			scripts/qemu.sh $(OBJ) unplugged unplugged \
			fips140_test_unplugged=pkcs7_parse_message || true; \
	fi
	@$(if $(AUTH), \
		RESULTS=$(RESULTS) scripts/qemu.sh $(OBJ) fips "$(FIPS)" fips=1 || true; \
		RESULTS=$(RESULTS) scripts/qemu.sh $(OBJ) enforce "boot $(AUTH) modules" \
			module.sig_enforce=1 || true; \
		RESULTS=$(RESULTS) scripts/qemu.sh $(OBJ) lockdown "boot $(AUTH) modules" \
			lockdown=integrity || true)
	@$(if $(filter $(PROFILE),$(DEBPKG_PROFILES)), \
		echo "  TEST    $(PROFILE)/debpkg"; \
		tests/host/debpkg.sh $(TREE) $(OBJ) $(RESULTS)/$(PROFILE)-debpkg.result \
			| grep -E '^not ok|^# ' || true)

test-repro: base $(TREE)/.git
	@for p in $(REPRO_PROFILES); do \
		scripts/repro.sh $$p $(TREE) $(BUILD)/repro/$$p || exit 1; \
	done

clean:
	rm -rf $(addprefix $(BUILD)/,$(TEST_PROFILES)) $(RESULTS)
