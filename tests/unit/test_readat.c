/*
 * Unit tests of pk_file_read_at() and pk_file_read() on hostile entries of a
 * fake /proc: a FIFO must be refused at once (procinfo's own readers
 * used to block on it), a /dev/zero link refused (they read it until
 * memory ran out), a directory and a symlink loop reported, a regular
 * file without a final newline read whole.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "pskit.h"

static char dir[] = "/tmp/pskit-readat.XXXXXX";
static int dfd = -1;
static struct pk_buf b;

static void
regular(void)
{
	int fd = openat(dfd, "meminfo", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	CHECK(fd != -1 && write(fd, "MemTotal: 5 kB", 14) == 14);
	close(fd);
	CHECK(pk_file_read_at(dfd, "meminfo", &b) == 0);
	CHECK_U64(b.len, 14);
	CHECK_STR(b.data, "MemTotal: 5 kB");
}

static void
fifo_refused(void)
{
	CHECK(mkfifoat(dfd, "fifo", 0600) == 0);
	alarm(5);		/* a regression blocks in open(2): die, not hang */
	CHECK(pk_file_read_at(dfd, "fifo", &b) == EINVAL);
	alarm(0);
	CHECK_U64(b.len, 0);
}

static void
device_refused(void)
{
	CHECK(symlinkat("/dev/zero", dfd, "zero") == 0);
	CHECK(pk_file_read_at(dfd, "zero", &b) == EINVAL);
	CHECK_U64(b.len, 0);
}

static void
directory_and_loop(void)
{
	CHECK(mkdirat(dfd, "stat", 0755) == 0);
	CHECK(pk_file_read_at(dfd, "stat", &b) == EISDIR);
	CHECK(symlinkat("loop", dfd, "loop") == 0);
	CHECK(pk_file_read_at(dfd, "loop", &b) == ELOOP);
	CHECK(pk_file_read_at(dfd, "missing", &b) == ENOENT);
}

/* pk_file_read() says what is wrong in one line. */
static void
read_file_messages(void)
{
	struct pk_ctx ctx;
	char want[128];

	CHECK(pk_ctx_open(&ctx, dir, dir) == PK_OK);
	CHECK(pk_file_read(&ctx, PK_ROOT_PROC, "fifo", &b) == PK_EOS);
	snprintf(want, sizeof(want), "read %s/fifo: not a regular file", dir);
	CHECK_STR(pk_strerror(&ctx), want);
	CHECK(pk_file_read(&ctx, PK_ROOT_PROC, "zero", &b) == PK_EOS);
	CHECK(pk_file_read(&ctx, PK_ROOT_PROC, "stat", &b) == PK_EOS);
	snprintf(want, sizeof(want), "read %s/stat: Is a directory", dir);
	CHECK_STR(pk_strerror(&ctx), want);
	CHECK(pk_file_read(&ctx, PK_ROOT_PROC, "meminfo", &b) == PK_OK);
	CHECK_U64(b.len, 14);
	pk_ctx_close(&ctx);
}

int
main(void)
{
	int rc;

	if (mkdtemp(dir) == NULL ||
	    (dfd = open(dir, O_RDONLY | O_DIRECTORY)) == -1) {
		printf("Bail out! %s\n", dir);
		return 1;
	}
	TEST(regular);
	TEST(fifo_refused);
	TEST(device_refused);
	TEST(directory_and_loop);
	TEST(read_file_messages);
	rc = DONE();
	pk_buf_free(&b);
	unlinkat(dfd, "meminfo", 0);
	unlinkat(dfd, "fifo", 0);
	unlinkat(dfd, "zero", 0);
	unlinkat(dfd, "loop", 0);
	unlinkat(dfd, "stat", AT_REMOVEDIR);
	close(dfd);
	rmdir(dir);
	return rc;
}
