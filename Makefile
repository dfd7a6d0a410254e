# Builds gids as one self-contained program (the Swift runtime linked in, so it runs on a
# machine without Swift) and installs it with its content, the way Swift command-line tools
# are installed:
#
#   make install PREFIX=/opt/gids        # or DESTDIR=... for packaging
#
# PREFIX/bin/gids                        the program, stripped (DEBUG_INFO=yes keeps its debug info
#                                        apart, in PREFIX/lib/debug/PREFIX/bin/gids.debug, for gdb)
# PREFIX/share/gids/Dialogues            the content it loads (found from the program's own place)
# PREFIX/share/man/man1/gids.1           the manual, and gids-serve.1 for bridges (docs/man/)
# PREFIX/share/{bash-completion,zsh,fish} completions, with the values of --lang, --region, --schedule
# PREFIX/share/doc/gids/examples         the bridge scripts, and matrix/matrix.yaml
# PREFIX/bin/gids-matrix                 the Matrix bridge (install-matrix-bridge, below)
#
#   make deb                             # gids_VERSION_ARCH.deb, the same files under /usr

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BUILD := $(SWIFT) build -c release --static-swift-stdlib
ROOT := $(DESTDIR)$(PREFIX)
# The Python that runs gids-matrix: Debian's, with python3-matrix-nio, python3-olm and
# python3-yaml from apt (or a virtualenv's python with matrix-nio[e2e] and PyYAML).
PYTHON ?= /usr/bin/python3
MATRIX := Bridges/matrix
# yes: also install the debug info split off the program (objcopy --only-keep-debug).
DEBUG_INFO ?=
MANUALS := docs/man/gids.1 docs/man/gids-serve.1

.PHONY: build install install-matrix-bridge uninstall deb

build:
	$(BUILD) --product gids

install: build install-matrix-bridge
	@bin="$$($(BUILD) --show-bin-path)"; set -e; \
	install -d "$(ROOT)/bin" "$(ROOT)/share/gids" "$(ROOT)/share/man/man1" "$(ROOT)/share/doc/gids/examples" \
	    "$(ROOT)/share/bash-completion/completions" "$(ROOT)/share/zsh/site-functions" "$(ROOT)/share/fish/vendor_completions.d"; \
	install -m 0755 "$$bin/gids" "$(ROOT)/bin/gids"; \
	if [ -n "$(DEBUG_INFO)" ]; then \
	    debug="$(ROOT)/lib/debug$(PREFIX)/bin/gids.debug"; install -d "$$(dirname "$$debug")"; \
	    objcopy --only-keep-debug "$(ROOT)/bin/gids" "$$debug"; chmod 0644 "$$debug"; \
	    objcopy --strip-all --add-gnu-debuglink="$$debug" "$(ROOT)/bin/gids"; \
	else \
	    objcopy --strip-all "$(ROOT)/bin/gids"; \
	fi; \
	rm -rf "$(ROOT)/share/gids/Dialogues.new"; \
	cp -R Dialogues "$(ROOT)/share/gids/Dialogues.new"; \
	rm -rf "$(ROOT)/share/gids/Dialogues"; \
	mv "$(ROOT)/share/gids/Dialogues.new" "$(ROOT)/share/gids/Dialogues"; \
	install -m 0644 $(MANUALS) "$(ROOT)/share/man/man1/"; \
	"$$bin/gids" --generate-completion-script bash > "$(ROOT)/share/bash-completion/completions/gids"; \
	"$$bin/gids" --generate-completion-script zsh > "$(ROOT)/share/zsh/site-functions/_gids"; \
	"$$bin/gids" --generate-completion-script fish > "$(ROOT)/share/fish/vendor_completions.d/gids.fish"; \
	cp -R Examples/. "$(ROOT)/share/doc/gids/examples/"; \
	echo "installed gids in $(ROOT)"

# The Matrix bridge, beside gids: its program (the first line names PYTHON), its package, the
# systemd unit with this PREFIX's path in ExecStart, and the example configuration.
install-matrix-bridge:
	@set -e; \
	install -d "$(ROOT)/bin" "$(ROOT)/lib/systemd/system" "$(ROOT)/share/doc/gids/examples/matrix"; \
	rm -rf "$(ROOT)/lib/gids-matrix"; \
	install -d "$(ROOT)/lib/gids-matrix/gids_matrix"; \
	install -m 0644 $(MATRIX)/gids_matrix/*.py "$(ROOT)/lib/gids-matrix/gids_matrix/"; \
	sed '1s|^#!.*|#!$(PYTHON)|' $(MATRIX)/gids-matrix > "$(ROOT)/bin/gids-matrix"; \
	chmod 0755 "$(ROOT)/bin/gids-matrix"; \
	sed 's|@BINDIR@|$(PREFIX)/bin|' $(MATRIX)/gids-matrix.service > "$(ROOT)/lib/systemd/system/gids-matrix.service"; \
	chmod 0644 "$(ROOT)/lib/systemd/system/gids-matrix.service"; \
	install -m 0644 $(MATRIX)/matrix.yaml "$(ROOT)/share/doc/gids/examples/matrix/matrix.yaml"; \
	$(PYTHON) -c 'import nio, olm, yaml' 2>/dev/null || echo "note: gids-matrix needs nio, olm and yaml for $(PYTHON): apt-get install python3-matrix-nio python3-olm python3-yaml"

uninstall:
	rm -rf "$(ROOT)/bin/gids-matrix" "$(ROOT)/lib/gids-matrix" "$(ROOT)/lib/systemd/system/gids-matrix.service"
	rm -rf "$(ROOT)/bin/gids" "$(ROOT)/lib/debug$(PREFIX)/bin/gids.debug" "$(ROOT)/share/gids" \
	    "$(ROOT)/share/man/man1/gids.1" "$(ROOT)/share/man/man1/gids-serve.1" "$(ROOT)/share/doc/gids" \
	    "$(ROOT)/share/bash-completion/completions/gids" "$(ROOT)/share/zsh/site-functions/_gids" "$(ROOT)/share/fish/vendor_completions.d/gids.fish"

# A Debian package of the same install under /usr; the version is the one `gids --version` names.
# Depends names the package of every library the program links (ldd, then dpkg -S); Recommends
# the dictionaries the language layer reads when they are there, and what gids-matrix runs on.
DEB_ROOT := .build/deb-root
deb: build
	@rm -rf "$(DEB_ROOT)"; set -e; \
	$(MAKE) --no-print-directory install DESTDIR="$(DEB_ROOT)" PREFIX=/usr >/dev/null; \
	version="$$("$(DEB_ROOT)/usr/bin/gids" --version | sed -n 's/^gids //p')"; \
	arch="$$(dpkg --print-architecture)"; \
	depends="$$(.ci/library-packages "$(DEB_ROOT)/usr/bin/gids")"; \
	install -d "$(DEB_ROOT)/DEBIAN"; \
	printf '%s\n' "Package: gids" "Version: $$version" "Architecture: $$arch" "Maintainer: gids <gids@example.org>" \
	    "Depends: $$depends" \
	    "Recommends: hunspell-nl, hunspell-en-gb, hunspell-en-us, python3 (>= 3.9), python3-matrix-nio, python3-olm, python3-yaml" \
	    "Section: misc" "Priority: optional" \
	    "Description: conversational guide for care workers (check-ins, signals after a critical event, help)" \
	    " Runs in a terminal, as a practice partner for peer supporters, and behind chat bridges (gids serve)." \
	    > "$(DEB_ROOT)/DEBIAN/control"; \
	dpkg-deb --build --root-owner-group "$(DEB_ROOT)" "gids_$${version}_$${arch}.deb" >/dev/null; \
	echo "built gids_$${version}_$${arch}.deb"
