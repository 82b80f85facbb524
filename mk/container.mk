# Container metadata (state/engine.c): the engine's inspect JSON parsed
# with jansson, linked statically like the other libraries (libjansson-dev);
# the cache's worker thread (state/ctrmeta.c) needs pthreads.
LIBS += -ljansson -lpthread
