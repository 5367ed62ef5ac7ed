/* psutil.h: free --psutil (psutil.c), called from free.c. */
#ifndef FREE_PSUTIL_H
#define FREE_PSUTIL_H

struct pk_ctx;

/* The report of psutil's scripts/free.py; returns the exit status. */
int	 free_psutil(struct pk_ctx *ctx, const char *outfile);

#endif
