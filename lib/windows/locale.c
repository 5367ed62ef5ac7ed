/*
 * locale.c: the sys topic's locale question, apart from sys.c so that a
 * command that escapes text does not link ADVAPI32 (LookupAccountSidW).
 */
#include "pskit.h"

/* pskit writes UTF-8 on Windows (startup.c sets the console to it). */
int
pk_sys_utf8_locale(void)
{
	return 1;
}
