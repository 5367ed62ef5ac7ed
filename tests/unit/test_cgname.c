/*
 * Unit tests of the cgroup path naming (cgname.c): one path per naming
 * scheme procsmem(1) documents, v1 and v2 layouts, and near misses.
 */
#include "harness.h"
#include "pskit.h"

static const char *
unit(const char *path)
{
	static char buf[256];

	return pk_cgname_unit(path, buf, sizeof(buf)) == PK_OK ? buf : "-";
}

static const char *
ctr(const char *path)
{
	static char buf[256];

	return pk_cgname_container(path, buf, sizeof(buf)) == PK_OK ? buf : "-";
}

static const char *
pod(const char *path)
{
	static char buf[256];

	return pk_cgname_pod(path, buf, sizeof(buf)) == PK_OK ? buf : "-";
}

#define ID	"3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899"

static void
units(void)
{
	CHECK_STR(unit("/system.slice/nginx.service"), "nginx.service");
	CHECK_STR(unit("/user.slice/user-1000.slice/session-3.scope"),
	    "session-3.scope");
	CHECK_STR(unit("/user.slice/user-1000.slice/user@1000.service/app.slice/"
	    "app-foo.service"), "app-foo.service");
	CHECK_STR(unit("/user.slice/user-1000.slice/user@1000.service/init.scope"),
	    "init.scope");
	CHECK_STR(unit("/system.slice/docker-" ID ".scope"), "docker-" ID ".scope");
	CHECK_STR(unit("/"), "-");
	CHECK_STR(unit("/user.slice"), "-");
	CHECK_STR(unit("/docker/" ID), "-");
	CHECK_STR(unit("/x/.service"), "-");	/* no name before the suffix */
}

static void
containers(void)
{
	CHECK_STR(ctr("/system.slice/docker-" ID ".scope"), ID);
	CHECK_STR(ctr("/docker/" ID), ID);
	CHECK_STR(ctr("/machine.slice/libpod-" ID ".scope/container"), ID);
	CHECK_STR(ctr("/machine.slice/libpod-conmon-" ID ".scope"), "-");
	CHECK_STR(ctr("/kubepods.slice/kubepods-burstable.slice/"
	    "kubepods-burstable-pod1a2b3c4d_0000_1111_2222_333344445555.slice/"
	    "cri-containerd-" ID ".scope"), ID);
	CHECK_STR(ctr("/kubepods.slice/kubepods-pod1a2b3c4d_0000_1111_2222_"
	    "333344445555.slice/crio-" ID ".scope"), ID);
	CHECK_STR(ctr("/kubepods/burstable/pod1a2b3c4d-0000-1111-2222-"
	    "333344445555/" ID), ID);
	/* innermost wins: docker in docker */
	CHECK_STR(ctr("/docker/" ID "/docker/0123456789ab"), "0123456789ab");
	CHECK_STR(ctr("/system.slice/nginx.service"), "-");
	CHECK_STR(ctr("/docker"), "-");
	CHECK_STR(ctr("/docker/notanid"), "-");
	CHECK_STR(ctr("/system.slice/docker-XYZ.scope"), "-");
	CHECK_STR(ctr("/system.slice/docker-.scope"), "-");
	CHECK_STR(ctr("/other/" ID), "-");
}

static void
pods(void)
{
	CHECK_STR(pod("/kubepods.slice/kubepods-burstable.slice/"
	    "kubepods-burstable-pod1a2b3c4d_0000_1111_2222_333344445555.slice/"
	    "cri-containerd-" ID ".scope"),
	    "1a2b3c4d-0000-1111-2222-333344445555");
	CHECK_STR(pod("/kubepods/besteffort/pod1a2b3c4d-0000-1111-2222-"
	    "333344445555/" ID), "1a2b3c4d-0000-1111-2222-333344445555");
	CHECK_STR(pod("/kubepods.slice/kubepods-burstable.slice"), "-");
	CHECK_STR(pod("/system.slice/docker-" ID ".scope"), "-");
	CHECK_STR(pod("/podman"), "-");
}

static void
small_buffer(void)
{
	char b[8];

	CHECK(pk_cgname_unit("/a.service", b, sizeof(b)) == PK_EPARSE);
	CHECK(pk_cgname_container("/docker/" ID, b, sizeof(b)) == PK_EPARSE);
	CHECK(pk_cgname_unit("/a.scope", b, 0) == PK_EPARSE);
}

int
main(void)
{
	TEST(units);
	TEST(containers);
	TEST(pods);
	TEST(small_buffer);
	return DONE();
}
