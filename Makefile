# mcuc: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
EXAMPLE ?= Examples/digits_cnn/digits_cnn.tflite
MCUC := .build/release/mcuc

.PHONY: demo test deps build stress stress-kernels stress-qemu stress-patch check-schema bench-plan bench-patch bench-compile bench-m4 bench-qemu bench-memory fuzz-asan clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product mcuc

## The main job on the bundled example model.
demo: build
	$(MCUC) inspect $(EXAMPLE)
	$(MCUC) compile $(EXAMPLE) -o out/digits_cnn
	$(MCUC) simulate $(EXAMPLE) --inputs 5
	$(MCUC) fit $(EXAMPLE)

## The whole suite (installs what it needs first).
test: deps check-schema
	$(SWIFT) build --build-tests
	python3 scripts/tflm/stress_random.py --mcuc .build/debug/mcuc --count 30 --seed 1
	python3 scripts/tflm/stress_random.py --mcuc .build/debug/mcuc --count 8 --seed 3 --extra-ops supported
	$(SWIFT) test --skip-build

## Random networks mcuc has never seen: TFLM == reference == emitted C, arena as planned, also with
## patches forced wherever they apply (a second sweep draws issue 12's extra ops too); then the
## patch-based sweep of stress-patch (slow).
stress: build
	python3 scripts/tflm/stress_random.py --mcuc $(MCUC) --count 300 --seed $${SEED:-2}
	python3 scripts/tflm/stress_random.py --mcuc $(MCUC) --count 100 --seed $${SEED:-4} --extra-ops supported
	$(MAKE) stress-patch

## The DSP/Helium kernels on long seeded shape sweeps under QEMU, bit-exact against the reference (slow).
stress-kernels: deps
	$(SWIFT) build --build-tests
	MCUC_STRESS=1 $(SWIFT) test --skip-build --filter 'QemuGemmDSPTests|QemuGemmMVETests|QemuDepthwiseDSPTests|QemuDepthwiseInPlacePaddedTests|QemuDepthwiseMVETests|QemuConvDSPTests|QemuConvDirectDSPTests|QemuConvMVETests|QemuSharedModelTests'

## Every shared model and op fixture on every emulated Cortex-M core under QEMU (slow).
stress-qemu: deps
	$(SWIFT) build --build-tests
	MCUC_STRESS_QEMU=1 $(SWIFT) test --skip-build --filter QemuStressTests

## Patch-based inference: 48 random patchable networks and every shared-model case (forced grids and
## auto, input held and streamed) on the host, 12 networks and every shared case on the M4 under
## QEMU; bit-exact and arena as planned (slow).
stress-patch: deps
	$(SWIFT) build --build-tests
	MCUC_PATCH_STRESS=1 $(SWIFT) test --skip-build --filter 'PatchSimulationTests|QemuPatchTests'

check-schema:
	scripts/regen-schema.sh --check

## Patch-based inference per shared model: peaks held / streamed, grid, MAC overhead, search time.
bench-patch: build
	scripts/bench-patch.sh $(MCUC)

## `mcuc compile` time and host run time per inference with a release build (a benchmark, never a test).
bench-compile: build
	scripts/bench-compile.sh $(MCUC)

## Instructions, Flash and SRAM of every shared model on M4, M7, M33, M55 (M0, M3: small models)
## under QEMU, with the ratio to TFLite Micro + CMSIS-NN (a benchmark, never a test).
bench-m4 bench-qemu: build
	python3 scripts/bench-qemu.py --mcuc $(MCUC) --prefer $${PREFER:-balanced}

## The code and stack estimates against the ELF, and their error (a benchmark, never a test).
bench-memory: build
	python3 scripts/bench-memory.py --mcuc $(MCUC)

## Planning time per shared model with a release build (a benchmark, never a test).
bench-plan: build
	scripts/bench-plan.sh $(MCUC)

## The frontend fuzz test under AddressSanitizer (a separate build folder).
fuzz-asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp $(SWIFT) test --scratch-path .build-asan --sanitize=address --filter 'FuzzTests|HostileInputTests|SharedModelImportTests'

clean:
	rm -rf .build .build-asan
