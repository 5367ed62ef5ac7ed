/*
 * sys.c (Windows): user names from the RID procsmem keeps as a uid
 * (LookupAccountSidW), the console width; no uname.
 */
#include <io.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "pskit.h"
#include "pkwin.h"

int
pk_sys_uname(struct pk_sys_uname *u)
{
	(void)u;
	return PK_ENOTSUP;
}

/* S-1-5-18/19/20 (LocalSystem, LocalService, NetworkService), else the
 * caller's own user SID with its RID replaced: local accounts. */
static int
rid_sid(uint32_t rid, unsigned char *buf, DWORD len)
{
	SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };
	union { TOKEN_USER tu; unsigned char b[256]; } u;
	PSID sid = buf, ws;
	HANDLE tok;
	DWORD got;
	int ok = 0;

	if (rid >= 18 && rid <= 20) {
		if (!AllocateAndInitializeSid(&nt, 1, rid, 0, 0, 0, 0, 0, 0,
		    0, &ws))
			return 0;
		ok = CopySid(len, sid, ws);
		FreeSid(ws);
		return ok;
	}
	if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok))
		return 0;
	if (GetTokenInformation(tok, TokenUser, &u, sizeof(u), &got) &&
	    CopySid(len, sid, u.tu.User.Sid) &&
	    *GetSidSubAuthorityCount(sid) > 1) {
		*GetSidSubAuthority(sid, *GetSidSubAuthorityCount(sid) - 1u) =
		    rid;
		ok = 1;
	}
	CloseHandle(tok);
	return ok;
}

/* "DOMAIN\user" as psutil's username(); "?" for an unreadable token. */
int
pk_sys_user_name(uint32_t uid, char *buf, size_t len)
{
	wchar_t name[256], dom[256], both[520];
	DWORD nl = 256, dl = 256;
	unsigned char sid[SECURITY_MAX_SID_SIZE];
	SID_NAME_USE use;
	char *s;

	if (uid == PK_UID_UNKNOWN) {
		strlcpy(buf, "?", len);
		return PK_OK;
	}
	if (!rid_sid(uid, sid, sizeof(sid)) ||
	    !LookupAccountSidW(NULL, sid, name, &nl, dom, &dl, &use))
		return PK_ENOENT;
	if (dom[0] != L'\0')
		_snwprintf(both, 520, L"%ls\\%ls", dom, name);
	else
		_snwprintf(both, 520, L"%ls", name);
	both[519] = L'\0';
	if (pk_win_utf8(both, &s) != PK_OK || s == NULL)
		return PK_ENOMEM;
	strlcpy(buf, s, len);
	free(s);
	return PK_OK;
}

int
pk_sys_term_columns(int fd)
{
	CONSOLE_SCREEN_BUFFER_INFO ci;
	intptr_t h = _get_osfhandle(fd);

	if (h == -1 || !GetConsoleScreenBufferInfo((HANDLE)h, &ci))
		return -1;
	return ci.srWindow.Right - ci.srWindow.Left + 1;
}
