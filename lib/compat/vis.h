/*
 * vis.h (compat): vis(3) for systems without libbsd (mingw-w64): the
 * flag values and output of libbsd's (NetBSD-derived) vis in the C locale.
 * The HTTP and MIME styles are not provided.
 */
#ifndef PSKIT_COMPAT_VIS_H
#define PSKIT_COMPAT_VIS_H

#include <stddef.h>

#define VIS_OCTAL	0x0001	/* use octal \ddd format */
#define VIS_CSTYLE	0x0002	/* use \[nrft0..] where appropriate */
#define VIS_SP		0x0004	/* also encode space */
#define VIS_TAB		0x0008	/* also encode tab */
#define VIS_NL		0x0010	/* also encode newline */
#define VIS_WHITE	(VIS_SP | VIS_TAB | VIS_NL)
#define VIS_SAFE	0x0020	/* only encode "unsafe" characters */
#define VIS_NOSLASH	0x0040	/* inhibit printing '\' */
#define VIS_GLOB	0x1000	/* encode glob(3) magic characters */
#define VIS_SHELL	0x2000	/* encode shell special characters */
#define VIS_META	(VIS_WHITE | VIS_GLOB | VIS_SHELL)
#define VIS_NOLOCALE	0x4000	/* encode using the C locale (always) */
#define VIS_DQ		0x8000	/* also encode double quotes */

char	*vis(char *, int, int, int);
int	 strvis(char *, const char *, int);
int	 stravis(char **, const char *, int);
int	 strnvis(char *, const char *, size_t, int);
int	 strvisx(char *, const char *, size_t, int);

#endif /* PSKIT_COMPAT_VIS_H */
