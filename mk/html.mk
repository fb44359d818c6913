# The HTML path's probe for the complexity bound (bench/complexity.sh, the
# HTML block): model_parse() on a page, as text/html requests run it.
$(BUILD)/html-probe: bench/html_probe.c $(BUILD)/libmodel.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmodel.a $(LDLIBS)

complexity: $(BUILD)/html-probe
