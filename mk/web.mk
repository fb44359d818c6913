# Browser tests of the web page: Playwright (tests/web/package-lock.json)
# driving Debian's Chromium against $(BUILD)/meetingd. Prints a skip and
# succeeds when /usr/bin/chromium is missing; screenshots go to
# tests/web/output/. `make test` runs them first.
.PHONY: test-web web-deps

test-web: $(BUILD)/meetingd ## the browser tests alone (Playwright driving Debian's Chromium; SKIPPED without it)
	MEETINGD_BIN=$(BUILD)/meetingd sh tests/web/run.sh

# Debian's Chromium (about 100 MB with its libraries), for the browser tests
web-deps: ## install Debian's chromium for the browser tests (root)
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
