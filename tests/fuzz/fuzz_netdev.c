/*
 * libFuzzer entry point for ifconfig's pure parts: the /proc/net/dev and
 * /proc/net/if_inet6 parsers, and nstrcmp/ntop6 on what they produce.
 * Build with `make fuzz CC=clang`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pskit.h"
#include "pskit/fmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pk_netdev_entry *dev;
	struct pk_inet6_entry *in6;
	char buf[64];
	size_t n, i;

	if (pk_netdev_parse((const char *)data, size, &dev, &n) == PK_OK) {
		for (i = 0; i + 1 < n; i++) {
			pk_net_nstrcmp(dev[i].name, dev[i + 1].name);
			pk_net_human_ifconfig(dev[i].st.rx_bytes, buf,
			    sizeof(buf));
			pk_net_human_psutil(dev[i].st.tx_bytes, buf,
			    sizeof(buf));
		}
		free(dev);
	}
	if (pk_ifinet6_parse((const char *)data, size, &in6, &n) == PK_OK) {
		for (i = 0; i < n; i++)
			pk_net_ntop6(in6[i].addr, buf, sizeof(buf));
		free(in6);
	}
	return 0;
}
