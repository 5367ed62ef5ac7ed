/*
 * net.c: closing the interface sockets, once for every OS (only Linux
 * opens one; elsewhere sock stays -1 and pk_fd_close is a no-op).
 */
#include "pskit.h"

void
pk_net_close(struct pk_net *net)
{
	if (net->sock != -1)
		pk_fd_close(net->sock);
	net->sock = -1;
}
