# mcuc: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
EXAMPLE ?= Examples/digits_cnn/digits_cnn.tflite
MCUC := .build/release/mcuc

.PHONY: demo test deps build check-schema fuzz-asan clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product mcuc

## The main job on the bundled example model.
demo: build
	$(MCUC) inspect $(EXAMPLE)

## The whole suite (installs what it needs first).
test: deps check-schema
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

check-schema:
	scripts/regen-schema.sh --check

## The frontend fuzz test under AddressSanitizer (a separate build folder).
fuzz-asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp $(SWIFT) test --scratch-path .build-asan --sanitize=address --filter 'FuzzTests|HostileInputTests|SharedModelImportTests'

clean:
	rm -rf .build .build-asan
