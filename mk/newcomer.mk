# The README's Quick start, as a newcomer follows it: a fresh Debian 12
# root file system (minbase bookworm, Debian's packages only, cached like
# image-test's base image), a clone of this repository made inside it, and
# the README's own commands, extracted from README.md so that the text and
# the test cannot drift apart. Root and podman; SKIPPED: <reason> elsewhere
# (inside that container, too). See deploy/test/newcomer-test.sh.
.PHONY: newcomer-test

newcomer-test: ## the README's Quick start verbatim in a fresh Debian 12 container (root, podman; SKIPPED elsewhere)
	sh deploy/test/newcomer-test.sh
