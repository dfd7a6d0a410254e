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
#
#   make deb                             # gids_VERSION_ARCH.deb, the same files under /usr

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BUILD := $(SWIFT) build -c release --static-swift-stdlib
ROOT := $(DESTDIR)$(PREFIX)

.PHONY: build install uninstall deb

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

# A Debian package of the same install under /usr; the version is the one `gids --version` names.
DEB_ROOT := .build/deb-root
deb: build
	@rm -rf "$(DEB_ROOT)"; set -e; \
	$(MAKE) --no-print-directory install DESTDIR="$(DEB_ROOT)" PREFIX=/usr >/dev/null; \
	version="$$("$(DEB_ROOT)/usr/bin/gids" --version | sed -n 's/^gids //p')"; \
	arch="$$(dpkg --print-architecture)"; \
	install -d "$(DEB_ROOT)/DEBIAN"; \
	printf '%s\n' "Package: gids" "Version: $$version" "Architecture: $$arch" "Maintainer: gids <gids@example.org>" \
	    "Depends: libsqlite3-0, libreadline8" "Section: misc" "Priority: optional" \
	    "Description: conversational guide for care workers (check-ins, signals after a critical event, help)" \
	    " Runs in a terminal, as a practice partner for peer supporters, and behind chat bridges (gids serve)." \
	    > "$(DEB_ROOT)/DEBIAN/control"; \
	dpkg-deb --build --root-owner-group "$(DEB_ROOT)" "gids_$${version}_$${arch}.deb" >/dev/null; \
	echo "built gids_$${version}_$${arch}.deb"
