/*
 * nethuman.c: byte counts for people, as ifconfig prints them: net-tools
 * 2.10's "(231.2 MiB)" and psutil's bytes2human() (--psutil).
 */
#include <stdio.h>

#include "pskit.h"
#include "pskit/fmt.h"

void
pk_net_human_ifconfig(uint64_t bytes, char *buf, size_t len)
{
	static const char *unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
	uint64_t t = bytes * 10;
	int k;

	if (bytes > (1ULL << 60)) {
		/* EiB: divide by 2^60/10 so that bytes * 10 cannot wrap */
		snprintf(buf, len, "%llu.%llu EiB",
		    (unsigned long long)(bytes / 115292150460684697ULL / 10),
		    (unsigned long long)(bytes / 115292150460684697ULL % 10));
		return;
	}
	for (k = 5; k > 0; k--)
		if (bytes > (1ULL << (10 * k)))
			break;
	t /= 1ULL << (10 * k);
	snprintf(buf, len, "%llu.%llu %s", (unsigned long long)(t / 10),
	    (unsigned long long)(t % 10), unit[k]);
}

void
pk_net_human_psutil(uint64_t n, char *buf, size_t len)
{
	static const char sym[] = "BKMGTPE";
	int k;

	for (k = 6; k > 0; k--)
		if (n >= (1ULL << (10 * k)))
			break;
	snprintf(buf, len, "%.1f%c", (double)n / (double)(1ULL << (10 * k)),
	    sym[k]);
}
