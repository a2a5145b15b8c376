/*
 * Padu benchmark replayer: sends one NetFlow v9 stream (one exporter, one source id) at a
 * fixed rate of flow records per second from packets built in memory, with sendmmsg(2).
 * Every data packet holds 30 records of 1000 bytes and 1 packet each, so a collector's byte
 * total tells how many records it got. The template goes out first and then every 500 packets.
 *
 *   replay-v9 HOST PORT RECORDS_PER_SECOND SECONDS
 * prints: records=N packets=N bytes=N seconds=S
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RECS 30
#define REC_LEN 35
#define DISTINCT 256
#define BATCH 16

static uint8_t *put16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = v; return p + 2; }
static uint8_t *put32(uint8_t *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; return p + 4; }

static const uint16_t fields[][2] = {
    {8, 4}, {12, 4}, {1, 4}, {2, 4}, {22, 4}, {21, 4}, {7, 2}, {11, 2}, {4, 1}, {5, 1}, {6, 1}, {10, 2}, {14, 2}};
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint8_t *header(uint8_t *p, uint16_t count, uint32_t seq) {
    p = put16(p, 9);
    p = put16(p, count);
    p = put32(p, 100000);              /* sysUptime ms */
    p = put32(p, (uint32_t)time(NULL));
    p = put32(p, seq);
    return put32(p, 1);                /* source id */
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s HOST PORT RECORDS_PER_SECOND SECONDS\n", argv[0]);
        return 2;
    }
    double rate = atof(argv[3]), seconds = atof(argv[4]);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
        fprintf(stderr, "bad host\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int sndbuf = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    if (connect(fd, (struct sockaddr *)&to, sizeof to) != 0) {
        perror("connect");
        return 1;
    }
    static uint8_t tpl[256];
    static uint8_t data[DISTINCT][20 + 4 + RECS * REC_LEN + 4];
    size_t data_len = 20 + 4 + RECS * REC_LEN;
    data_len = (data_len + 3) & ~3u;
    uint8_t *p = header(tpl, 1, 0);
    p = put16(p, 0);
    p = put16(p, 4 + 4 + NFIELDS * 4);
    p = put16(p, 256);
    p = put16(p, NFIELDS);
    for (size_t i = 0; i < NFIELDS; i++) { p = put16(p, fields[i][0]); p = put16(p, fields[i][1]); }
    size_t tpl_len = p - tpl;
    srand(7);
    for (int k = 0; k < DISTINCT; k++) {
        p = header(data[k], RECS, 0);
        p = put16(p, 256);
        p = put16(p, data_len - 20);
        for (int r = 0; r < RECS; r++) {
            /* 100 agencies 10.1.0.0/16 .. 10.100.0.0/16; sources anywhere */
            uint32_t agency = 1 + rand() % 100;
            uint32_t src = 0xC6000000u | (rand() & 0xFFFFFF);
            uint32_t dst = (10u << 24) | (agency << 16) | (rand() & 0xFFFF);
            if (rand() & 1) { uint32_t t = src; src = dst; dst = t; }
            p = put32(p, src); p = put32(p, dst);
            p = put32(p, 1000); p = put32(p, 1);
            p = put32(p, 90000); p = put32(p, 99000);
            p = put16(p, 1024 + rand() % 60000); p = put16(p, 443);
            *p++ = 6; *p++ = 0; *p++ = 0x18;
            p = put16(p, 1); p = put16(p, 2);
        }
        memset(p, 0, data[k] + data_len - p);
    }
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    memset(msgs, 0, sizeof msgs);
    uint32_t seq = 0;
    unsigned long long records = 0, packets = 0, bytes = 0;
    double pps = rate / RECS, start = now(), end = start + seconds;
    int k = 0;
    put32(tpl + 12, seq++);
    send(fd, tpl, tpl_len, 0);
    packets++;
    while (1) {
        double t = now();
        if (t >= end) break;
        double due = (t - start) * pps - (double)(packets);
        if (due < 1) {
            struct timespec ts = {0, 20000};
            nanosleep(&ts, NULL);
            continue;
        }
        int n = due > BATCH ? BATCH : (int)due;
        for (int i = 0; i < n; i++) {
            uint8_t *pkt;
            size_t len;
            if (packets % 500 == 0) {
                pkt = tpl; len = tpl_len;
            } else {
                pkt = data[k]; len = data_len;
                k = (k + 1) % DISTINCT;
                records += RECS;
                bytes += RECS * 1000ull;
            }
            put32(pkt + 12, seq++);
            iov[i].iov_base = pkt;
            iov[i].iov_len = len;
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
            packets++;
        }
        /* Two packets share a buffer only across batches: each is sent before it is reused. */
        int sent = 0;
        while (sent < n) {
            int r = sendmmsg(fd, msgs + sent, n - sent, 0);
            if (r < 0) { perror("sendmmsg"); return 1; }
            sent += r;
        }
    }
    printf("records=%llu packets=%llu bytes=%llu seconds=%.3f\n", records, packets, bytes, now() - start);
    return 0;
}
