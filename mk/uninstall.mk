# make uninstall: remove exactly the files `make install` put under
# DESTDIR/PREFIX (same variables), and nothing else; directories stay, as
# other packages may share them.
INSTALLED_FILES = bin/sysgrep share/man/man8/sysgrep.8 \
	share/bash-completion/completions/sysgrep \
	share/zsh/vendor-completions/_sysgrep \
	share/fish/vendor_completions.d/sysgrep.fish

.PHONY: uninstall
uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/,$(INSTALLED_FILES))
