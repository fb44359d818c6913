# Browser tests of the web page: Playwright (tests/web/package-lock.json)
# driving Debian's Chromium against $(BUILD)/meetingd. Prints a skip and
# succeeds when /usr/bin/chromium is missing; screenshots go to
# tests/web/output/.
.PHONY: test-web

test-web: $(BUILD)/meetingd
	MEETINGD_BIN=$(BUILD)/meetingd sh tests/web/run.sh
