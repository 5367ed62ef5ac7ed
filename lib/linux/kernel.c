/*
 * kernel.c: the size of a kernel image, for procsmem -K (smem's way).
 */
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pskit.h"

/*
 * smem runs size(1) on the image and takes the 4th field ("dec") of its
 * second line; so do we, without a shell.
 */
int
pk_pmem_kernel_size(struct pk_ctx *ctx, const char *path, uint64_t *bytes)
{
	char line[512], *tok, *save = NULL;
	int fds[2], i, f, st, ok = 0;
	FILE *fp;
	pid_t pid;

	*bytes = 0;
	if (pipe(fds) == -1)
		return pk_ctx_fail_os(ctx, errno, "pipe");
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return pk_ctx_fail_os(ctx, errno, "fork");
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execlp("size", "size", path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	if ((fp = fdopen(fds[0], "r")) == NULL)
		close(fds[0]);
	for (i = 0; fp != NULL && fgets(line, sizeof(line), fp) != NULL; i++) {
		if (i != 1)
			continue;
		tok = strtok_r(line, " \t\n", &save);
		for (f = 0; tok != NULL && f < 3; f++)
			tok = strtok_r(NULL, " \t\n", &save);
		if (tok != NULL && tok[0] >= '0' && tok[0] <= '9') {
			*bytes = strtoull(tok, NULL, 10);
			ok = 1;
		}
	}
	if (fp != NULL)
		fclose(fp);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	if (!ok)
		return pk_ctx_fail(ctx, PK_EPARSE, 0, "size %s: no size", path);
	return PK_OK;
}
