/* The C fixture library: functions with known answers for the FFI tests. */
#include <stdint.h>
#include <string.h>

int32_t fixture_add_int(int32_t a, int32_t b) { return a + b; }

/* Bytes in a NUL-terminated string: shows how text crossed the boundary (UTF-8). */
uint64_t fixture_byte_length(const char *s) { return s ? strlen(s) : UINT64_MAX; }

double fixture_scale(double x, int32_t factor) { return x * factor; }
