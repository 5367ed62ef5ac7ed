/*
 * hold.c: the scaling benchmark's stand-in processes.  `hold PROCS MAPS`
 * forks PROCS - 1 children; every process maps MAPS separate pages (their
 * protections alternate, so the kernel cannot merge neighbours into one
 * mapping), touches them, stops itself with SIGSTOP and stays until
 * killed.  Built statically by bench/scaling.sh so each process is small.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static void
map_pages(long n)
{
	long page = sysconf(_SC_PAGESIZE), i;
	char *p;

	for (i = 0; i < n; i++) {
		p = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			_exit(1);
		*p = 1;
		if (i % 2 && mprotect(p, (size_t)page, PROT_READ) != 0)
			_exit(1);
	}
}

int
main(int argc, char *argv[])
{
	long procs = argc > 1 ? atol(argv[1]) : 1;
	long maps = argc > 2 ? atol(argv[2]) : 0;
	long i;

	for (i = 1; i < procs; i++)
		if (fork() == 0)
			break;
	map_pages(maps);
	for (;;) {
		raise(SIGSTOP);
		pause();
	}
}
