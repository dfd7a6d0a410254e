# Builds gids as one self-contained program (the Swift runtime linked in, so it runs on a
# machine without Swift) and installs it with its content, the way Swift command-line tools
# are installed:
#
#   make install PREFIX=/opt/gids        # or DESTDIR=... for packaging
#
# PREFIX/bin/gids                        the program
# PREFIX/share/gids/Dialogues            the content it loads (found from the program's own place)
# PREFIX/share/man/man1/gids.1           the manual
# PREFIX/share/{bash-completion,zsh,fish} completions, with the values of --lang, --region, --schedule
# PREFIX/share/doc/gids/examples         the systemd unit and the bridge scripts

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BUILD := $(SWIFT) build -c release --static-swift-stdlib
ROOT := $(DESTDIR)$(PREFIX)

.PHONY: build install uninstall

build:
	$(BUILD) --product gids
	$(BUILD) --product generate-manual

install: build
	@bin="$$($(BUILD) --show-bin-path)"; set -e; \
	install -d "$(ROOT)/bin" "$(ROOT)/share/gids" "$(ROOT)/share/man/man1" "$(ROOT)/share/doc/gids/examples" \
	    "$(ROOT)/share/bash-completion/completions" "$(ROOT)/share/zsh/site-functions" "$(ROOT)/share/fish/vendor_completions.d"; \
	install -m 0755 "$$bin/gids" "$(ROOT)/bin/gids"; \
	rm -rf "$(ROOT)/share/gids/Dialogues.new"; \
	cp -R Dialogues "$(ROOT)/share/gids/Dialogues.new"; \
	rm -rf "$(ROOT)/share/gids/Dialogues"; \
	mv "$(ROOT)/share/gids/Dialogues.new" "$(ROOT)/share/gids/Dialogues"; \
	"$$bin/generate-manual" "$$bin/gids" --output-directory "$(ROOT)/share/man/man1" >/dev/null; \
	"$$bin/gids" --generate-completion-script bash > "$(ROOT)/share/bash-completion/completions/gids"; \
	"$$bin/gids" --generate-completion-script zsh > "$(ROOT)/share/zsh/site-functions/_gids"; \
	"$$bin/gids" --generate-completion-script fish > "$(ROOT)/share/fish/vendor_completions.d/gids.fish"; \
	cp -R Examples/. "$(ROOT)/share/doc/gids/examples/"; \
	echo "installed gids in $(ROOT)"

uninstall:
	rm -rf "$(ROOT)/bin/gids" "$(ROOT)/share/gids" "$(ROOT)/share/man/man1/gids.1" "$(ROOT)/share/doc/gids" \
	    "$(ROOT)/share/bash-completion/completions/gids" "$(ROOT)/share/zsh/site-functions/_gids" "$(ROOT)/share/fish/vendor_completions.d/gids.fish"
