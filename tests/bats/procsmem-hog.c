/*
 * procsmem-hog: a process with known memory for procsmem's tests.
 *	procsmem-hog [-m MiB] [-f FILE] [-n NAME] [-z]
 * touches MiB of private anonymous memory, maps FILE shared and reads
 * every page of it, renames itself (prctl), leaves a zombie child with
 * -z, then stops itself (SIGSTOP) so its memory holds still.  The test
 * that starts it kills and reaps it.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	volatile unsigned char sum = 0;
	unsigned char *p;
	struct stat sb;
	size_t mib = 0, i;
	int c, fd;

	while ((c = getopt(argc, argv, "m:f:n:z")) != -1) {
		switch (c) {
		case 'm':
			mib = strtoul(optarg, NULL, 10);
			if ((p = malloc(mib << 20)) == NULL)
				return 1;
			for (i = 0; i < mib << 20; i += 4096)
				memset(p + i, (int)(i >> 12) | 1, 4096);
			break;
		case 'f':
			if ((fd = open(optarg, O_RDONLY)) == -1 ||
			    fstat(fd, &sb) == -1)
				return 1;
			p = mmap(NULL, (size_t)sb.st_size, PROT_READ,
			    MAP_SHARED, fd, 0);
			if (p == MAP_FAILED)
				return 1;
			for (i = 0; i < (size_t)sb.st_size; i += 4096)
				sum += p[i];
			break;
		case 'n':
			prctl(PR_SET_NAME, optarg, 0, 0, 0);
			break;
		case 'z':
			if (fork() == 0)
				_exit(0);
			break;
		default:
			return 2;
		}
	}
	raise(SIGSTOP);
	return 0;
}
