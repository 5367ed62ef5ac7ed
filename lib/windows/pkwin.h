/*
 * pkwin.h: helpers shared by the Win32 probes.  Private to lib/windows.
 */
#ifndef PSKIT_PKWIN_H
#define PSKIT_PKWIN_H

#include <wchar.h>

/*
 * The one UTF-16 -> UTF-8 conversion: *out is a malloc'd string, NULL
 * when w is NULL.  Unpaired surrogates become U+FFFD.  PK_OK or PK_ENOMEM.
 */
int	 pk_win_utf8(const wchar_t *w, char **out);
/* UTF-8 -> UTF-16, malloc'd; NULL on invalid input or no memory. */
wchar_t	*pk_win_wide(const char *s);
/* The Win32 error of a failed C runtime call (_doserrno, else errno). */
int	 pk_win_crt_error(void);

/*
 * Process probes shared by pmem.c and proc.c (need <windows.h> first).
 * The command line from the process parameters block (malloc'd, NULL when
 * unreadable), and the address-space walk: size and number of reserved or
 * committed regions and the USS in bytes (psutil's private-page rule).
 */
#ifdef _WINDEF_
wchar_t	*pk_win_peb_cmdline(HANDLE h);
int	 pk_win_vmwalk(HANDLE h, struct pk_buf *scratch, uint64_t *size,
	    uint64_t *maps, uint64_t *uss, int *uss_ok);
#endif

#endif /* PSKIT_PKWIN_H */
