/*
 * Attach bare.bpf.o's programs, run a command, detach: the benchmark's
 * "empty tracing" case.  Usage: bare_run BARE.bpf.o COMMAND [ARGS...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bpf/libbpf.h>

static int quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

static int run(char **argv)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int main(int argc, char **argv)
{
	struct bpf_link *links[8];
	struct bpf_object *obj;
	struct bpf_program *prog;
	int rc, nlinks = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: %s BARE.bpf.o COMMAND [ARGS...]\n", argv[0]);
		return 2;
	}
	libbpf_set_print(quiet);
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj || bpf_object__load(obj)) {
		fprintf(stderr, "bare_run: cannot load %s\n", argv[1]);
		return 2;
	}
	bpf_object__for_each_program(prog, obj) {
		struct bpf_link *l = nlinks < 8 ? bpf_program__attach(prog) : NULL;

		if (!l) {
			fprintf(stderr, "bare_run: cannot attach %s\n", bpf_program__name(prog));
			return 2;
		}
		links[nlinks++] = l;
	}
	rc = run(argv + 2);
	while (nlinks > 0)
		bpf_link__destroy(links[--nlinks]);
	bpf_object__close(obj);
	return rc;
}
