# Falco rules files (--rules, --rule): filter/rules.c reads YAML with libyaml,
# linked statically like the other libraries (libyaml-dev).
LIBS += -lyaml
