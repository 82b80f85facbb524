# Capture files (-r / -w): the reader's libFuzzer target, make fuzz-capture,
# is built and run with the other fuzz targets in mk/fuzz.mk.
