// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// How fast zlib and libdeflate inflate a disk's data, cluster by cluster, as a qcow2
// master stores it: every non-zero 64 KiB cluster deflated with QEMU's settings (raw
// deflate, 4 KiB window, level 6); clusters that do not shrink are left out (QEMU stores
// them raw). Prints MiB/s of inflated output for each library, one core.
//
//   cc -O2 tests/bench/imaging/inflate_speed.c -o /tmp/inflate_speed -lz -ldeflate
//   /tmp/inflate_speed /var/tmp/etabli-bench/disk.raw
#include <libdeflate.h>
#include <zlib.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { kCluster = 65536 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int allZero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (p[i])
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DISK.raw\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    unsigned char *in = malloc(kCluster), *out = malloc(kCluster);
    size_t capacity = 1024, count = 0, packedBytes = 0;
    unsigned char **packed = malloc(capacity * sizeof *packed);
    size_t *sizes = malloc(capacity * sizeof *sizes);
    while (fread(in, 1, kCluster, f) == kCluster) {
        if (allZero(in, kCluster))
            continue;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -12, 9, Z_DEFAULT_STRATEGY) != Z_OK)
            return 1;
        unsigned char *buf = malloc(kCluster + 1024);
        z.next_in = in;
        z.avail_in = kCluster;
        z.next_out = buf;
        z.avail_out = kCluster + 1024;
        deflate(&z, Z_FINISH);
        const size_t n = z.total_out;
        deflateEnd(&z);
        if (n >= kCluster) {
            free(buf);
            continue;
        }
        if (count == capacity) {
            capacity *= 2;
            packed = realloc(packed, capacity * sizeof *packed);
            sizes = realloc(sizes, capacity * sizeof *sizes);
        }
        packed[count] = buf;
        sizes[count++] = n;
        packedBytes += n;
    }
    fclose(f);
    if (!count) {
        fprintf(stderr, "%s: no compressible cluster\n", argv[1]);
        return 1;
    }
    double t0 = now();
    for (size_t i = 0; i < count; ++i) {
        z_stream z;
        memset(&z, 0, sizeof z);
        inflateInit2(&z, -12);
        z.next_in = packed[i];
        z.avail_in = (uInt)sizes[i];
        z.next_out = out;
        z.avail_out = kCluster;
        if (inflate(&z, Z_FINISH) != Z_STREAM_END)
            return 1;
        inflateEnd(&z);
    }
    const double zlibSeconds = now() - t0;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    t0 = now();
    for (size_t i = 0; i < count; ++i) {
        size_t n = 0;
        if (libdeflate_deflate_decompress(d, packed[i], sizes[i], out, kCluster, &n) != LIBDEFLATE_SUCCESS)
            return 1;
    }
    const double deflateSeconds = now() - t0;
    const double mib = (double)count * kCluster / 1048576.0;
    printf("%s: %zu compressible clusters (%.0f MiB, deflated to %.2f)\n", argv[1], count, mib,
           (double)packedBytes / ((double)count * kCluster));
    printf("zlib %.0f MiB/s, libdeflate %.0f MiB/s (%.2f× zlib), one core\n", mib / zlibSeconds, mib / deflateSeconds,
           zlibSeconds / deflateSeconds);
    return 0;
}
